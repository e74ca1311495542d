package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.OperationIds;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The only code that changes an operation's status: local start, complete, fail and cancel, a host
 * outcome discovered on read, a lost operation failed on read, and startup recovery. Each change
 * therefore, exactly once: checks the rule ({@link OperationStatus#canMoveTo}), stores the record,
 * forgets the source of a finished operation, drops the cached copy, tells the listeners and logs.
 */
public class OperationLifecycle {

    private static final Logger LOG = Logger.getLogger(OperationLifecycle.class);

    private final OperationStore store;
    private final ProgressSources sources;
    private final OperationCache cache;
    private final CompletionHooks hooks;
    private final Clock clock;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public OperationLifecycle(OperationStore store, ProgressSources sources, OperationCache cache,
            CompletionHooks hooks, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.cache = cache;
        this.hooks = hooks;
        this.clock = clock;
    }

    /** Records a new pending operation. */
    public OperationInfo create(OperationType type, OperationMetadata metadata) {
        return create(OperationIds.newId(type, clock.instant()), type, metadata);
    }

    /** Records a new pending operation under an id the caller chose, e.g. {@code host_training_{session_id}}. */
    public OperationInfo create(String operationId, OperationType type, OperationMetadata metadata) {
        OperationInfo info = OperationInfo.pending(operationId, type, metadata, clock.instant());
        store.insert(info);
        Monitoring.monitor().created(info);
        LOG.infof("operation %s created (%s)", info.operationId(), type.wireName());
        return info;
    }

    public OperationInfo start(String operationId) {
        OperationInfo info = transition(operationId, OperationStatus.RUNNING, UnaryOperator.identity());
        LOG.infof("operation %s started", operationId);
        return info;
    }

    /** Starts the operation unless it was cancelled while it waited; true if the worker should run. */
    public boolean tryStart(String operationId) {
        try {
            start(operationId);
            return true;
        } catch (IllegalTransitionException e) {
            LOG.debugf("operation %s not started: %s", operationId, e.getMessage());
            return false;
        }
    }

    /**
     * Completes a local operation: its type's {@link CompletionHook} shapes the result (an exception
     * from it propagates: the caller fails the operation), then one final pull, so the last metrics
     * are never lost.
     */
    public OperationInfo complete(String operationId, Map<String, Object> resultSummary) {
        Map<String, Object> result = hooks.apply(find(operationId), resultSummary);
        flush(operationId);
        OperationInfo info = transition(operationId, OperationStatus.COMPLETED,
                op -> op.withProgress(op.progress().finished(), op.metricsCount(), op.updatedAt()).withResult(result));
        LOG.infof("operation %s completed", operationId);
        return info;
    }

    public OperationInfo fail(String operationId, String errorMessage) {
        flush(operationId);
        OperationInfo info = transition(operationId, OperationStatus.FAILED, op -> op.withError(errorMessage));
        LOG.warnf("operation %s failed: %s", operationId, errorMessage);
        return info;
    }

    /**
     * Cancels the operation; its worker learns of it at its next progress write, a host is told at
     * once. Cancelling a cancelled operation returns it unchanged; cancelling a completed or failed
     * one is refused (also when the host turns out to have finished first).
     */
    public OperationInfo cancel(String operationId) {
        OperationInfo current = find(operationId);
        if (current.status() == OperationStatus.CANCELLED) {
            return current;
        }
        if (current.status().isTerminal()) {
            throw new IllegalTransitionException(operationId, current.status(), OperationStatus.CANCELLED);
        }
        // Stop the work first, so the final pull sees everything it reported.
        Optional<ProgressSource> source = sources.of(current);
        source.ifPresent(s -> {
            s.cancel();
            cache.invalidate(operationId);
            s.takeOutcome().ifPresent(outcome -> finish(operationId, outcome));
        });
        flush(operationId);
        OperationInfo info = transition(operationId, OperationStatus.CANCELLED, UnaryOperator.identity());
        LOG.infof("operation %s cancelled", operationId);
        return info;
    }

    /**
     * Applies how the operation ended on its host: a completed result goes through the type's
     * {@link CompletionHook} first; a failing hook is reported in the result
     * ({@code completion_error}), not to the client, because the host's job did succeed.
     *
     * @return the record now; unchanged if another query applied the outcome first
     */
    public OperationInfo finish(String operationId, HostOutcome outcome) {
        Map<String, Object> result = outcome.status() == OperationStatus.COMPLETED
                ? hooks.applyReportingFailure(find(operationId), outcome.result()) : null;
        try {
            OperationInfo info = transition(operationId, outcome.status(), op -> {
                OperationInfo done = outcome.completedAt() == null ? op : StatusChange.completedAt(op, outcome.completedAt());
                return done.withResult(result).withError(outcome.error());
            });
            LOG.infof("operation %s %s on its host", operationId, outcome.status().wireName());
            return info;
        } catch (IllegalTransitionException e) {
            return find(operationId);
        }
    }

    /**
     * Fails a running operation that showed no progress for its type's fail-after, with the reason;
     * its worker is told to stop.
     *
     * @return the record now; unchanged if it ended meanwhile
     */
    public OperationInfo failLost(String operationId, String reason) {
        sources.registered(operationId).ifPresent(ProgressSource::abandon);
        try {
            return fail(operationId, reason);
        } catch (IllegalTransitionException e) {
            return find(operationId);
        }
    }

    /** Fails an operation this process left unfinished when it stopped (its worker died with it); false if it had ended. */
    public boolean failInterrupted(String operationId, String reason) {
        try {
            OperationInfo before = find(operationId);
            transition(operationId, OperationStatus.FAILED, op -> op.withError(reason));
            LOG.warnf("operation %s was %s when the process stopped: now failed (%s)", operationId,
                    before.status().wireName(), reason);
            return true;
        } catch (IllegalTransitionException e) {
            return false;
        }
    }

    /** Forgets an operation that was never accepted (e.g. no worker could take it). */
    public void discard(String operationId) {
        sources.remove(operationId);
        cache.invalidate(operationId);
        store.delete(operationId);
    }

    /**
     * Calls {@code listener} with the operation id after every status change (e.g. to wake
     * long-polling clients). Listeners must be quick and must not throw.
     */
    public void addChangeListener(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private OperationInfo find(String operationId) {
        return store.require(operationId);
    }

    /** The final pull of a running operation's source, before its status changes. */
    private void flush(String operationId) {
        Optional<ProgressSource> source = sources.registered(operationId);
        if (source.isPresent() && find(operationId).status() == OperationStatus.RUNNING) {
            source.get().flush();
        }
    }

    private OperationInfo transition(String operationId, OperationStatus next, UnaryOperator<OperationInfo> alsoChange) {
        Instant now = clock.instant();
        OperationInfo info = store.update(operationId,
                current -> alsoChange.apply(StatusChange.apply(current, next, now)))
                .orElseThrow(() -> new OperationNotFoundException(operationId));
        if (next.isTerminal()) {
            // Finished operations leave the source registry: memory stays bounded.
            sources.remove(operationId);
        }
        cache.invalidate(operationId);
        Monitoring.monitor().statusChanged(info);
        changeListeners.forEach(listener -> listener.accept(operationId));
        return info;
    }
}

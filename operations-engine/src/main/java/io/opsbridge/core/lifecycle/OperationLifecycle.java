package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.OperationIds;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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

    private final Transitions transitions;
    private final OperationStore store;
    private final ProgressSources sources;
    private final OperationCache cache;
    private final CompletionHooks hooks;
    private final Clock clock;

    public OperationLifecycle(OperationStore store, ProgressSources sources, OperationCache cache,
            CompletionHooks hooks, Clock clock) {
        this.transitions = new Transitions(store, sources, cache, clock);
        this.store = store;
        this.sources = sources;
        this.cache = cache;
        this.clock = clock;
        this.hooks = hooks;
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

    /**
     * Starts the operation unless it was cancelled while it waited; true if the worker should run.
     * A resumed attempt is running already (since its resume): it runs unless it ended meanwhile.
     */
    public boolean tryStart(String operationId) {
        OperationInfo current = find(operationId);
        if (current.attempts().count() > 1) {
            return current.status() == OperationStatus.RUNNING;
        }
        try {
            start(operationId);
            return true;
        } catch (IllegalTransitionException e) {
            LOG.debugf("operation %s not started: %s", operationId, e.getMessage());
            return false;
        }
    }

    /**
     * Completes a local operation: a final pull (the last metrics are never lost), the completion
     * claimed (refused with {@link IllegalTransitionException} if it was cancelled, here or on another
     * replica, or another replica took its run over, finding this one lost), then its type's {@link CompletionHook} shapes the result (its exception propagates:
     * the caller fails the operation).
     */
    public OperationInfo complete(String operationId, Map<String, Object> resultSummary) {
        flush(operationId);
        OperationInfo claimed = transitions.claimOwned(operationId);
        Map<String, Object> result = hooks.apply(claimed, resultSummary);
        OperationInfo info = transition(operationId, OperationStatus.COMPLETED,
                op -> op.withProgress(op.progress().finished(), op.metricsCount(), op.updatedAt()).withResult(result));
        LOG.infof("operation %s completed", operationId);
        return info;
    }

    public OperationInfo fail(String operationId, String errorMessage) {
        return fail(operationId, errorMessage, false);
    }

    /** Fails the operation; {@code repeats}: a new attempt would fail alike, it is never resumed. */
    public OperationInfo fail(String operationId, String errorMessage, boolean repeats) {
        flush(operationId);
        OperationInfo info = transition(operationId, OperationStatus.FAILED,
                op -> StatusChange.withError(op, errorMessage, repeats));
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
        try {
            OperationInfo info = transition(operationId, OperationStatus.CANCELLED, UnaryOperator.identity());
            LOG.infof("operation %s cancelled", operationId);
            return info;
        } catch (IllegalTransitionException e) {
            // the owner (another replica) cancelled it meanwhile: the same answer; anything else is refused
            OperationInfo now = find(operationId);
            if (now.status() == OperationStatus.CANCELLED) {
                return now;
            }
            throw e;
        }
    }

    /**
     * A record found finished while this process still follows it ended elsewhere (a cancel recorded
     * by a replica that could not reach this one): its work here stops, its source is forgotten.
     */
    public void endedElsewhere(OperationInfo finished) {
        sources.registered(finished.operationId()).filter(s -> finished.status().isTerminal()).ifPresent(source -> {
            LOG.infof("operation %s is %s (recorded elsewhere): no longer followed here", finished.operationId(),
                    finished.status().wireName());
            source.abandon();
            sources.remove(finished.operationId());
        });
    }

    /**
     * Applies how the operation ended on its host: a completion is claimed, then goes through the
     * type's {@link CompletionHook}, whose failure is reported in the result ({@code completion_error}):
     * the host's job did succeed. A failure that repeats is marked as a local one ({@link #fail}). Returns the record now, unchanged if another read applied it first.
     */
    public OperationInfo finish(String operationId, HostOutcome outcome) {
        try {
            boolean completed = outcome.status() == OperationStatus.COMPLETED;
            Map<String, Object> result = completed ? hooks.applyReportingFailure(claim(operationId), outcome.result())
                    : null;
            OperationInfo info = transition(operationId, outcome.status(), op -> {
                OperationInfo done = outcome.completedAt() == null ? op : StatusChange.completedAt(op, outcome.completedAt());
                return StatusChange.withError(done.withResult(result), outcome.error(), outcome.repeats());
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

    /** The shared mechanics of a status change, for {@link OperationResumes}. */
    Transitions transitions() {
        return transitions;
    }

    /** Calls {@code listener} with the id after every status change (e.g. long-poll wake-ups); quick, never throwing. */
    public void addChangeListener(Consumer<String> listener) {
        transitions.addChangeListener(listener);
    }

    private OperationInfo find(String operationId) {
        return transitions.find(operationId);
    }
    private OperationInfo claim(String operationId) {
        return transitions.claim(operationId);
    }
    private void flush(String operationId) {
        transitions.flush(operationId);
    }

    private OperationInfo transition(String operationId, OperationStatus next, UnaryOperator<OperationInfo> alsoChange) {
        return transitions.transition(operationId, next, alsoChange);
    }
}

package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How a status change is made, once for every change the lifecycle makes: the record stored, the
 * source of a finished operation forgotten, the cached copy dropped, the listeners told.
 * Package-private: only {@link OperationLifecycle} and {@link OperationResumes} change a status.
 */
final class Transitions {

    final OperationStore store;
    final ProgressSources sources;
    final OperationCache cache;
    final Clock clock;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    Transitions(OperationStore store, ProgressSources sources, OperationCache cache, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.cache = cache;
        this.clock = clock;
    }

    void addChangeListener(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    OperationInfo find(String operationId) {
        return store.require(operationId);
    }

    /** {@link StatusChange#claimCompletion}, stored; no progress write moves a claimed record (the write-behind's rule). */
    OperationInfo claim(String operationId) {
        OperationInfo claimed = store.update(operationId, current -> StatusChange.claimCompletion(current, clock.instant()))
                .orElseThrow(() -> new OperationNotFoundException(operationId));
        cache.invalidate(operationId);
        return claimed;
    }

    /**
     * {@link #claim} of a local operation's completion by its worker, made only while this node still
     * owns it, in the same conditional update that claims an attempt: a worker whose run another replica
     * took over (it found this one lost, e.g. cut off from the database) never completes it, and its
     * completion hooks never run.
     */
    OperationInfo claimOwned(String operationId) {
        int attempt = Math.max(1, find(operationId).attempts().count());
        OperationInfo claimed = store.claimAttempt(operationId, store.ownerNode(), attempt,
                current -> StatusChange.claimCompletion(current, clock.instant()))
                .orElseThrow(() -> new OperationNotFoundException(operationId));
        cache.invalidate(operationId);
        return claimed;
    }

    /** The final pull of a running operation's source, before its status changes. */
    void flush(String operationId) {
        Optional<ProgressSource> source = sources.registered(operationId);
        if (source.isPresent() && find(operationId).status() == OperationStatus.RUNNING) {
            source.get().flush();
        }
    }

    /** {@link StatusChange#apply} to {@code next}, then {@code alsoChange}, stored and announced. */
    OperationInfo transition(String operationId, OperationStatus next, UnaryOperator<OperationInfo> alsoChange) {
        Instant now = clock.instant();
        return changed(operationId, current -> alsoChange.apply(firstAttempt(StatusChange.apply(current, next, now), now)));
    }

    /** A record that starts running for the first time gets its first attempt, where it runs. */
    private OperationInfo firstAttempt(OperationInfo changed, Instant now) {
        if (changed.status() != OperationStatus.RUNNING || changed.attempts().count() > 0) {
            return changed;
        }
        return changed.withAttempts(OperationAttempts.NONE.plus(StatusChange.attempt(changed, 1, now, 0, null,
                store.ownerNode())));
    }

    /** {@code change} (a new attempt) stored by {@link OperationStore#claimAttempt}, and announced. */
    OperationInfo claimed(String operationId, String expectedOwner, int expectedAttempt,
            UnaryOperator<OperationInfo> change) {
        return announced(store.claimAttempt(operationId, expectedOwner, expectedAttempt, change)
                .orElseThrow(() -> new OperationNotFoundException(operationId)));
    }

    /** Stores {@code change} of the record (which checks its own rule) and announces it. */
    OperationInfo changed(String operationId, UnaryOperator<OperationInfo> change) {
        return announced(store.update(operationId, change).orElseThrow(() -> new OperationNotFoundException(operationId)));
    }

    private OperationInfo announced(OperationInfo info) {
        String operationId = info.operationId();
        if (info.status().isTerminal()) {
            // Finished operations leave the source registry: memory stays bounded.
            sources.remove(operationId);
        }
        cache.invalidate(operationId);
        Monitoring.monitor().statusChanged(info);
        changeListeners.forEach(listener -> listener.accept(operationId));
        return info;
    }
}

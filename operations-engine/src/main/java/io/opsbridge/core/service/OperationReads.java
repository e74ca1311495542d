package io.opsbridge.core.service;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The one read path of a single operation, under {@link OperationsService}: the TTL cache of
 * answers first, then the operation's progress source ({@link ProgressSource#pull}, the one shape
 * every source answers in), and what the read discovered (a host that finished, an operation quiet
 * past its fail-after) applied by the {@link OperationLifecycle}, outside the cache. A cached,
 * forced or long-poll read differ only in whether the cached answer may serve; each ends in the
 * same settling.
 */
final class OperationReads {

    private final OperationStore store;
    private final OperationCache cache;
    private final ProgressSources sources;
    private final OperationLifecycle lifecycle;
    private final Settings settings;
    private final Clock clock;
    /**
     * What a lost operation (or one whose owner replica is lost) may become instead of failed: resumed
     * elsewhere ({@code LostHosts}, {@code OperationResumes#resumeFromLostOwner}); none by default.
     */
    private volatile BiFunction<OperationInfo, ProgressSource, Optional<OperationInfo>> lostResumes =
            (info, source) -> Optional.empty();

    OperationReads(OperationStore store, OperationCache cache, ProgressSources sources, OperationLifecycle lifecycle,
            Settings settings, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.sources = sources;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    /** Lost operations are offered to {@code resumes} first; failed as lost when it answers empty. */
    void resumeLostWith(BiFunction<OperationInfo, ProgressSource, Optional<OperationInfo>> resumes) {
        this.lostResumes = resumes;
    }

    /**
     * The operation: the cached answer younger than the TTL unless {@code forceRefresh} (a hit
     * returns the cached stage itself, allocating nothing), else what its source reads now, shared
     * by every caller until it is done. Whatever blocks (the store, the lifecycle) runs on
     * {@code blocking}; no thread waits for a source that answers over the network.
     */
    CompletionStage<OperationInfo> read(String operationId, boolean forceRefresh, Executor blocking) {
        ProgressSource source = sources.registeredOrNull(operationId);
        if (source != null && source.cachedElsewhere()) {
            // the owner's answer, never a copy kept here (a first read's copy is dropped)
            cache.invalidate(operationId);
            return source.pull(forceRefresh, blocking)
                    .thenApply(found -> found.orElseThrow(() -> new OperationNotFoundException(operationId)))
                    .thenCompose(info -> settled(info, blocking));
        }
        if (!forceRefresh) {
            CompletableFuture<OperationInfo> cached = cache.peek(operationId);
            if (cached != null && answersAsIs(cached)) {
                return cached;
            }
            Monitoring.monitor().cacheMissed();
        }
        CompletableFuture<OperationInfo> read = forceRefresh
                ? cache.replace(operationId, id -> load(id, forceRefresh, blocking))
                : cache.get(operationId, id -> load(id, forceRefresh, blocking));
        return read.thenCompose(info -> settled(info, blocking));
    }

    /**
     * What a pull outside this path found (a host's long-poll answer, applied by its source):
     * settled like any read's, and cached. May block: not for the event loop.
     */
    OperationInfo settle(String operationId, Optional<OperationInfo> pulled) {
        OperationInfo info = pulled.orElseThrow(() -> new OperationNotFoundException(operationId));
        ProgressSource source = sources.registeredOrNull(operationId);
        if (info.status() == OperationStatus.RUNNING && source != null && needsSettling(info, source)) {
            return settle(info, source);
        }
        if (source != null && source.cachedElsewhere()) {
            return info;
        }
        if (info.status() == OperationStatus.RUNNING) {
            cache.offer(operationId, info, () -> sources.registered(operationId).isPresent());
        } else {
            // finished elsewhere (another replica): not cached, the next read loads it
            cache.invalidate(operationId);
        }
        return info;
    }

    /**
     * The answer {@link #read read(id, false, …)} would give, if it is cached and complete with
     * nothing to apply (no host outcome, not lost); null otherwise. Never blocks, allocates
     * nothing: the event loop's check, which touches no lock a pull holds.
     */
    OperationInfo cachedAnswer(String operationId) {
        CompletableFuture<OperationInfo> cached = cache.peek(operationId);
        return cached != null && answersAsIs(cached) ? cached.getNow(null) : null;
    }

    /** Whether a cached stage is a complete answer with nothing to apply to it. */
    private boolean answersAsIs(CompletableFuture<OperationInfo> cached) {
        if (!cached.isDone() || cached.isCompletedExceptionally()) {
            return false;
        }
        OperationInfo info = cached.getNow(null);
        if (info.status() != OperationStatus.RUNNING) {
            return true;
        }
        ProgressSource source = sources.registeredOrNull(info.operationId());
        return source == null || !source.cachedElsewhere() && !needsSettling(info, source);
    }

    /** Reads the operation from its source (the store first, for one that has no source here yet). */
    private CompletableFuture<OperationInfo> load(String operationId, boolean forceRefresh, Executor blocking) {
        ProgressSource source = sources.registeredOrNull(operationId);
        CompletionStage<Optional<OperationInfo>> pulled = source != null ? source.pull(forceRefresh, blocking)
                : CompletableFuture.supplyAsync(() -> store.require(operationId), blocking)
                        .thenCompose(info -> info.status() != OperationStatus.RUNNING
                                ? CompletableFuture.completedFuture(Optional.of(info))
                                : sources.of(info).map(found -> found.pull(forceRefresh, blocking))
                                        .orElse(CompletableFuture.completedFuture(Optional.of(info))));
        return pulled.thenApply(found -> found.orElseThrow(() -> new OperationNotFoundException(operationId)))
                .toCompletableFuture();
    }

    /**
     * {@code info} with what its read discovered applied (on {@code blocking}), if anything: an
     * outcome or a lost operation, or, for one this process still follows, that it ended elsewhere
     * (a cancel recorded by a replica that could not reach this one): its work here stops.
     */
    private CompletionStage<OperationInfo> settled(OperationInfo info, Executor blocking) {
        ProgressSource source = sources.registeredOrNull(info.operationId());
        if (source == null || info.status() == OperationStatus.RUNNING && !needsSettling(info, source)) {
            return CompletableFuture.completedFuture(info);
        }
        if (info.status() != OperationStatus.RUNNING) {
            return CompletableFuture.supplyAsync(() -> {
                lifecycle.endedElsewhere(info);
                return info;
            }, blocking);
        }
        return CompletableFuture.supplyAsync(() -> settle(info, source), blocking);
    }

    /**
     * Whether a read of the running {@code info} has something to apply: a host outcome, an owner
     * replica found lost, or it is lost.
     */
    private boolean needsSettling(OperationInfo info, ProgressSource source) {
        return source.hasOutcome() || source.lostOwner() != null || isLost(info, source);
    }

    /**
     * What a read of a running operation discovered: the host's outcome, or an operation whose owner
     * replica is lost or which is quiet for its type's {@code fail-after} (lost detection on read), is
     * applied now: resumed elsewhere if it may be, else failed at its fail-after.
     */
    private OperationInfo settle(OperationInfo info, ProgressSource source) {
        if (source.hasOutcome()) {
            var outcome = source.takeOutcome();
            if (outcome.isPresent()) {
                return lifecycle.finish(info.operationId(), outcome.get());
            }
        }
        boolean lost = isLost(info, source);
        if (!lost && source.lostOwner() == null) {
            return info;
        }
        Optional<OperationInfo> resumed = lostResumes.apply(info, source);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        if (!lost) {
            return info; // its owner is lost, but it is not to be resumed: it fails at its fail-after
        }
        Duration quiet = source.quietFor(clock.instant());
        Duration failAfter = settings.current().stalls().failAfter(info.operationType());
        return lifecycle.failLost(info.operationId(), source.lostReason(quiet, failAfter));
    }

    /** Quiet past its type's fail-after; in milliseconds from {@link Clock#millis}, so it allocates nothing. */
    private boolean isLost(OperationInfo info, ProgressSource source) {
        return settings.current().stalls().isLost(info.operationType(), source.quietMillis(clock.millis()));
    }
}

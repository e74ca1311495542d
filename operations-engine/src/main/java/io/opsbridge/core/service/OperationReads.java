package io.opsbridge.core.service;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.monitoring.ReadTimes;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one read path of a single operation, under {@link OperationsService}: the TTL cache first,
 * then the operation's progress source, and what the read discovered (a host that finished, an
 * operation quiet past its fail-after) applied by the {@link OperationLifecycle}, outside the
 * cache's lock. Every way of reading (cached, forced, without a waiting thread, a long-poll's
 * answer) ends in the same settling and caching.
 */
final class OperationReads {

    private static final Logger LOG = Logger.getLogger(OperationReads.class);

    private final OperationStore store;
    private final OperationCache cache;
    private final ProgressSources sources;
    private final OperationLifecycle lifecycle;
    private final Settings settings;
    private final Clock clock;
    /** Built once: a capturing lambda per read would be an allocation on the cache-hit path. */
    private final Function<String, OperationInfo> loadOnMiss = id -> load(id, false);

    OperationReads(OperationStore store, OperationCache cache, ProgressSources sources, OperationLifecycle lifecycle,
            Settings settings, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.sources = sources;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    /** The operation, from a cached copy younger than the TTL unless {@code forceRefresh}; a running one is settled. */
    OperationInfo read(String operationId, boolean forceRefresh) {
        ProgressSource forwarded = sources.registeredOrNull(operationId);
        if (forwarded != null && forwarded.cachedElsewhere()) {
            // the owner's answer, never a copy kept here (a first read's copy is dropped)
            cache.invalidate(operationId);
            OperationInfo owners = forwarded.pull(forceRefresh).orElseThrow(() -> new OperationNotFoundException(operationId));
            return owners.status() == OperationStatus.RUNNING ? settle(owners, forwarded) : owners;
        }
        OperationInfo info = forceRefresh ? cache.refresh(operationId, id -> load(id, true))
                : cache.get(operationId, loadOnMiss);
        if (info.status() != OperationStatus.RUNNING) {
            return info;
        }
        ProgressSource source = sources.registeredOrNull(operationId);
        return source == null ? info : settle(info, source);
    }

    /**
     * {@link #read read(id, true)} without a thread waiting for the source where it allows that (a
     * host: {@link ProgressSource#pullAsync}); whatever blocks (a first read, the store, the
     * lifecycle) runs on {@code blocking}. The refreshed copy is cached from {@code blocking}, after
     * the answer, so the caller's thread never waits for the cache either.
     */
    CompletionStage<OperationInfo> refresh(String operationId, Executor blocking) {
        Monitoring.monitor().queried(true);
        ProgressSource source = sources.registeredOrNull(operationId);
        CompletionStage<Optional<OperationInfo>> pulled = source == null ? null : source.pullAsync(blocking);
        if (pulled == null) {
            return CompletableFuture.supplyAsync(() -> read(operationId, true), blocking);
        }
        return pulled.thenCompose(found -> {
            OperationInfo info = found.orElseThrow(() -> new OperationNotFoundException(operationId));
            if (info.status() == OperationStatus.RUNNING && needsSettling(info, source)) {
                return CompletableFuture.supplyAsync(() -> settle(info, source), blocking);
            }
            OperationInfo cached = cache.peek(operationId);
            if (info.status() == OperationStatus.RUNNING && cached != null && cached.version() >= info.version()) {
                // nothing new since the cached copy: no worker to wake
                return CompletableFuture.completedFuture(info);
            }
            blocking.execute(() -> cacheRead(operationId, info));
            return CompletableFuture.completedFuture(info);
        });
    }

    /**
     * What a pull outside this service found (a host's long-poll answer, applied by its source):
     * settled like any read's, and cached. May block: not for the event loop.
     */
    OperationInfo settle(String operationId, Optional<OperationInfo> pulled) {
        OperationInfo info = pulled.orElseThrow(() -> new OperationNotFoundException(operationId));
        ProgressSource source = sources.registeredOrNull(operationId);
        if (info.status() == OperationStatus.RUNNING && source != null && needsSettling(info, source)) {
            return settle(info, source);
        }
        cacheRead(operationId, info);
        return info;
    }

    /** Caches a running record read outside the cache; a record another replica finished is not cached: the next read loads it. */
    private void cacheRead(String operationId, OperationInfo info) {
        ProgressSource source = sources.registeredOrNull(operationId);
        if (source != null && source.cachedElsewhere()) {
            return;
        }
        if (info.status() == OperationStatus.RUNNING) {
            cache.offer(operationId, info, () -> sources.registered(operationId).isPresent());
        } else {
            cache.invalidate(operationId);
        }
    }

    /**
     * The answer {@link #get get(id, false)} would give, if it can be given without blocking: a copy
     * younger than the TTL with nothing to apply (no host outcome, not lost). Null means: call
     * {@code get} where blocking is allowed. Runs on the event loop, so it touches no lock a pull holds.
     */
    OperationInfo cachedAnswer(String operationId) {
        OperationInfo info = cache.peek(operationId);
        if (info == null || info.status() != OperationStatus.RUNNING) {
            return info;
        }
        ProgressSource source = sources.registeredOrNull(operationId);
        if (source == null) {
            return info;
        }
        return source.cachedElsewhere() || needsSettling(info, source) ? null : info;
    }

    /** Whether a read of the running {@code info} has something to apply: a host outcome, or it is lost. */
    private boolean needsSettling(OperationInfo info, ProgressSource source) {
        return source.hasOutcome() || isLost(info, source);
    }

    /**
     * What a read of a running operation discovered: the host's outcome, or an operation quiet for
     * its type's {@code fail-after} (lost detection on read), is applied now.
     */
    private OperationInfo settle(OperationInfo info, ProgressSource source) {
        if (source.hasOutcome()) {
            var outcome = source.takeOutcome();
            if (outcome.isPresent()) {
                return lifecycle.finish(info.operationId(), outcome.get());
            }
        }
        if (!isLost(info, source)) {
            return info;
        }
        Duration quiet = source.quietFor(clock.instant());
        Duration failAfter = settings.current().stalls().failAfter(info.operationType());
        return lifecycle.failLost(info.operationId(), source.lostReason(quiet, failAfter));
    }

    /** Quiet past its type's fail-after; in milliseconds from {@link Clock#millis}, so it allocates nothing. */
    private boolean isLost(OperationInfo info, ProgressSource source) {
        return settings.current().stalls().isLost(info.operationType(), source.quietMillis(clock.millis()));
    }

    private OperationInfo load(String operationId, boolean forceRefresh) {
        long started = ReadTimes.start();
        if (!forceRefresh) {
            Monitoring.monitor().cacheMissed();
        }
        try {
            return loadTimed(operationId, forceRefresh);
        } finally {
            ReadTimes.finish(operationId, forceRefresh, started);
        }
    }

    private OperationInfo loadTimed(String operationId, boolean forceRefresh) {
        OperationInfo info = store.require(operationId);
        if (info.status() != OperationStatus.RUNNING) {
            lifecycle.endedElsewhere(info);
            return info;
        }
        return sources.of(info).map(source -> {
            LOG.debugf("refreshing %s from its source", operationId);
            return source.pull(forceRefresh).orElseThrow(() -> new OperationNotFoundException(operationId));
        }).orElse(info);
    }
}

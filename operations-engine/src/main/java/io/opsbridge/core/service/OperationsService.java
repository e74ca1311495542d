package io.opsbridge.core.service;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.bridge.MetricsPage;
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
 * Answers for operations by pulling: get, list, metrics and results, over the TTL cache and the
 * progress sources. Nothing here runs in the background: a running operation's source is read when
 * a client asks, at most once per TTL however many clients ask ({@code force_refresh} skips the
 * cache); terminal operations are never refreshed again. What a read discovers — a host that
 * finished, an operation quiet past its fail-after — is applied by the {@link OperationLifecycle},
 * outside the cache's lock.
 */
public class OperationsService {

    private static final Logger LOG = Logger.getLogger(OperationsService.class);

    private final OperationStore store;
    private final OperationCache cache;
    private final ProgressSources sources;
    private final OperationLifecycle lifecycle;
    private final Settings settings;
    private final Clock clock;
    /** Built once: a capturing lambda per read would be an allocation on the cache-hit path. */
    private final Function<String, OperationInfo> loadOnMiss = id -> load(id, false);

    public OperationsService(OperationStore store, OperationCache cache, ProgressSources sources,
            OperationLifecycle lifecycle, Settings settings, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.sources = sources;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    /** The TTL in force: how long a client may reuse an answer. */
    public Duration cacheTtl() {
        return cache.ttl();
    }

    /**
     * The operation, refreshed from its source if it is running and the cached copy is older than the TTL.
     * A cache hit allocates nothing (measured: {@code MonitoringOverheadBenchmark}, docs/benchmarks.md).
     */
    public OperationInfo get(String operationId, boolean forceRefresh) {
        Monitoring.monitor().queried(forceRefresh);
        return read(operationId, forceRefresh);
    }

    private OperationInfo read(String operationId, boolean forceRefresh) {
        OperationInfo info = forceRefresh ? cache.refresh(operationId, id -> load(id, true))
                : cache.get(operationId, loadOnMiss);
        if (info.status() != OperationStatus.RUNNING) {
            return info;
        }
        ProgressSource source = sources.registeredOrNull(operationId);
        return source == null ? info : settle(info, source);
    }

    /** One refresh on behalf of every long-poll waiter of the operation: counted as such, not as a client's read. */
    public OperationInfo refreshForWaiters(String operationId) {
        Monitoring.monitor().longPollRefreshed();
        return read(operationId, true);
    }

    /**
     * {@link #get get(id, true)} without a thread waiting for the source where it allows that (a
     * host: {@link ProgressSource#pullAsync}); whatever blocks (a first read, the store, the
     * lifecycle) runs on {@code blocking}. The refreshed copy is cached from {@code blocking}, after
     * the answer, so the caller's thread never waits for the cache either.
     */
    public CompletionStage<OperationInfo> refresh(String operationId, Executor blocking) {
        ProgressSource source = sources.registeredOrNull(operationId);
        CompletionStage<Optional<OperationInfo>> pulled = source == null ? null : source.pullAsync(blocking);
        if (pulled == null) {
            return CompletableFuture.supplyAsync(() -> get(operationId, true), blocking);
        }
        Monitoring.monitor().queried(true);
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
    public OperationInfo settle(String operationId, Optional<OperationInfo> pulled) {
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
    public OperationInfo cachedAnswer(String operationId) {
        OperationInfo info = cache.peek(operationId);
        if (info == null || info.status() != OperationStatus.RUNNING) {
            return info;
        }
        ProgressSource source = sources.registeredOrNull(operationId);
        if (source == null) {
            return info;
        }
        return needsSettling(info, source) ? null : info;
    }

    /** Whether a read of the running {@code info} has something to apply: a host outcome, or it is lost. */
    private boolean needsSettling(OperationInfo info, ProgressSource source) {
        return source.hasOutcome() || isLost(info, source);
    }

    /** A page of operations, running ones as fresh as a single {@link #get} would show them. */
    public OperationList list(OperationQuery query) {
        OperationList page = store.list(query);
        return new OperationList(
                page.operations().stream()
                        .map(op -> op.status() == OperationStatus.RUNNING ? get(op.operationId(), false) : op)
                        .toList(),
                page.total(), page.activeCount(), page.counts());
    }

    /** The metrics after {@code cursor}; each metric is returned once to a client that follows {@code new_cursor}. */
    public MetricsResponse metrics(String operationId, int cursor) {
        if (cursor < 0) {
            throw new InvalidRequestException("cursor", "must not be negative, was " + cursor);
        }
        get(operationId, false);
        MetricsPage page = store.metrics(operationId, cursor);
        return new MetricsResponse(operationId, page.metrics(), page.newCursor());
    }

    /** The result of a completed operation; any other status is a 409 that says why. */
    public OperationResults results(String operationId) {
        OperationInfo info = get(operationId, false);
        if (info.status() != OperationStatus.COMPLETED) {
            String why = info.status() == OperationStatus.FAILED ? " (" + info.errorMessage() + ")" : "";
            throw new ConflictException("operation '" + operationId + "' is " + info.status().wireName() + why
                    + "; results exist only once it has completed");
        }
        return OperationResults.of(info);
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
            return info;
        }
        return sources.of(info).map(source -> {
            LOG.debugf("refreshing %s from its source", operationId);
            return source.pull(forceRefresh).orElseThrow(() -> new OperationNotFoundException(operationId));
        }).orElse(info);
    }
}

package io.opsbridge.core.service;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Answers for operations by pulling: get, list, metrics and results, over the TTL cache and the
 * progress sources ({@link OperationReads}, the one read path). Nothing here runs in the
 * background: a running operation's source is read when a client asks, at most once per TTL however
 * many clients ask ({@code force_refresh} skips the cache); terminal operations are never refreshed
 * again.
 */
public class OperationsService {

    private final OperationStore store;
    private final OperationCache cache;
    private final OperationReads reads;

    public OperationsService(OperationStore store, OperationCache cache, ProgressSources sources,
            OperationLifecycle lifecycle, Settings settings, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.reads = new OperationReads(store, cache, sources, lifecycle, settings, clock);
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
        return reads.read(operationId, forceRefresh);
    }

    /**
     * {@link #get get(id, true)} without a thread waiting for the source where it allows that (a
     * host); whatever blocks (a first read, the store, the lifecycle) runs on {@code blocking}.
     */
    public CompletionStage<OperationInfo> refresh(String operationId, Executor blocking) {
        return reads.refresh(operationId, blocking);
    }

    /**
     * The answer {@link #get get(id, false)} would give, if it can be given without blocking: a
     * cached copy with nothing to apply; null means: call {@code get} where blocking is allowed.
     */
    public OperationInfo cachedAnswer(String operationId) {
        return reads.cachedAnswer(operationId);
    }

    /** One refresh on behalf of every long-poll waiter of the operation: counted as such, not as a client's read. */
    public OperationInfo refreshForWaiters(String operationId) {
        Monitoring.monitor().longPollRefreshed();
        return reads.read(operationId, true);
    }

    /** What a pull outside this service found (a host's long-poll answer), settled and cached like any read's. */
    public OperationInfo settle(String operationId, Optional<OperationInfo> pulled) {
        return reads.settle(operationId, pulled);
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

}

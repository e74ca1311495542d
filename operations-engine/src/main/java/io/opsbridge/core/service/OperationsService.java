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
import io.opsbridge.core.follow.ProgressSource;
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
import java.util.function.BiFunction;

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

    /**
     * An operation found lost on a read is offered to {@code resumes} first (e.g. resumed on another
     * host) and failed as lost only when it answers empty.
     */
    public void resumeLostWith(BiFunction<OperationInfo, ProgressSource, Optional<OperationInfo>> resumes) {
        reads.resumeLostWith(resumes);
    }

    /** The TTL in force: how long a client may reuse an answer. */
    public Duration cacheTtl() {
        return cache.ttl();
    }

    /**
     * The operation: a cached answer younger than the TTL unless {@code forceRefresh}, else what its
     * source reads now (a running operation's; terminal ones come from the store). The one read:
     * whatever blocks runs on {@code blocking}, no thread waits for a host. A cache hit returns the
     * cached stage itself and allocates nothing (measured: {@code MonitoringOverheadBenchmark},
     * docs/benchmarks.md).
     */
    public CompletionStage<OperationInfo> read(String operationId, boolean forceRefresh, Executor blocking) {
        Monitoring.monitor().queried(forceRefresh);
        return reads.read(operationId, forceRefresh, blocking);
    }

    /** {@link #read}, for a caller that may block: what blocks runs on this thread, while it waits. */
    public OperationInfo get(String operationId, boolean forceRefresh) {
        JoiningThread thread = JoiningThread.current();
        return thread.join(read(operationId, forceRefresh, thread));
    }

    /**
     * The answer {@link #get get(id, false)} would give, if it can be given without blocking: a
     * cached, complete answer with nothing to apply; null means: {@link #read} it.
     */
    public OperationInfo cachedAnswer(String operationId) {
        return reads.cachedAnswer(operationId);
    }

    /** One refresh on behalf of every long-poll waiter of the operation: counted as such, not as a client's read. */
    public OperationInfo refreshForWaiters(String operationId) {
        Monitoring.monitor().longPollRefreshed();
        JoiningThread thread = JoiningThread.current();
        return thread.join(reads.read(operationId, true, thread));
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

package io.opsbridge.core;

import io.opsbridge.core.settings.StallPolicy;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostNotFoundException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Copies what a host knows about one of its operations into this process's record: the state,
 * then the metrics after the mapping's host cursor, and (once the host is done) the outcome.
 * Pulls are serialized, like {@link BridgeFollower}; across replicas (and restarts) the metrics are
 * stored through {@link RemoteMappingStore#appendHostMetrics}, a compare-and-set on the host cursor
 * kept in the database, so each host metric is stored exactly once whoever copies it.
 *
 * <p>A host that cannot be reached changes nothing but context fields ({@code host_reachable=false},
 * {@code last_host_error}, {@code unreachable_since}, and {@code stalled=true} once the type's
 * stall-after has passed); the last known progress stays. {@link #quietFor} is how long the host
 * has not answered, for lost detection on read.
 */
final class RemoteFollower {

    private static final Logger LOG = Logger.getLogger(RemoteFollower.class);

    static final String HOST_REACHABLE = "host_reachable";
    static final String LAST_HOST_ERROR = "last_host_error";
    static final String UNREACHABLE_SINCE = "unreachable_since";
    static final String STALLED = "stalled";

    private final String operationId;
    private final OperationServiceProxy proxy;
    private final String hostOperationId;
    private final RemoteMappingStore mappings;
    private int metricsCursor;
    private Instant unreachableSince;
    private boolean cancelling;
    private StallPolicy stalls = StallPolicy.NEVER;
    /** The host's version of the operation at the last answer, for the host's long-poll. */
    private volatile long hostVersion;
    private RemoteCompletion completion = RemoteCompletion.NONE;

    /** Follows {@code mapping} (already saved in {@code mappings}) through {@code proxy}. */
    RemoteFollower(RemoteMapping mapping, OperationServiceProxy proxy, RemoteMappingStore mappings) {
        this.operationId = mapping.operationId();
        this.proxy = proxy;
        this.hostOperationId = mapping.hostOperationId();
        this.mappings = mappings;
        this.metricsCursor = mapping.hostMetricsCursor();
        this.unreachableSince = mapping.unreachableSince();
    }

    /** Runs {@code completion} on the host's result before the record is completed. */
    RemoteFollower completingWith(RemoteCompletion completion) {
        this.completion = completion;
        return this;
    }

    /** Pulls the host once; a terminal host status becomes this record's terminal status. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock, boolean forceRefresh) {
        return refresh(store, clock, forceRefresh, true);
    }

    /** Like {@link #pull(OperationStore, Clock, boolean)}; an unreachable host is marked stalled when the policy says so. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock, boolean forceRefresh,
            StallPolicy stallPolicy) {
        this.stalls = stallPolicy;
        return refresh(store, clock, forceRefresh, true);
    }

    /** How long the host has not answered (since the first failed call after its last answer); zero while it answers. */
    synchronized Duration quietFor(Instant now) {
        return unreachableSince == null || unreachableSince.isAfter(now) ? Duration.ZERO
                : Duration.between(unreachableSince, now);
    }

    String hostUrl() {
        return proxy.baseUrl();
    }

    /** True once the host's operation moves past the version last seen here, false after {@code wait} or a failure. */
    java.util.concurrent.CompletionStage<Boolean> changeOnHost(Duration wait) {
        return proxy.changeAfter(hostOperationId, hostVersion, wait);
    }

    /**
     * Cancels on the host, then pulls the last metrics without changing the status (the caller
     * cancels the record). A host that already finished is pulled in full, so the record shows why
     * the cancel is refused; an unreachable host is logged and noted, and the cancel goes on.
     */
    synchronized void cancelOnHost(OperationStore store, Clock clock) {
        // from now on the caller, not a concurrent pull, turns the record cancelled
        cancelling = true;
        try {
            proxy.cancel(hostOperationId);
            refresh(store, clock, true, false);
        } catch (HostRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
            refresh(store, clock, true, true);
        } catch (HostNotFoundException e) {
            LOG.warnf("operation %s: host %s no longer knows %s; cancelling here only", operationId,
                    proxy.baseUrl(), hostOperationId);
        } catch (HostException e) {
            LOG.warnf("operation %s: cancel not propagated to %s (%s); cancelling here only", operationId,
                    proxy.baseUrl(), e.getMessage());
            markUnreachable(store, clock, e);
        }
    }

    private Optional<OperationInfo> refresh(OperationStore store, Clock clock, boolean forceRefresh,
            boolean applyTerminal) {
        OperationInfo host;
        MetricsResponse page;
        Map<String, Object> result = null;
        try {
            host = proxy.get(hostOperationId, forceRefresh);
            page = proxy.metrics(hostOperationId, metricsCursor);
            if (applyTerminal && host.status() == OperationStatus.COMPLETED) {
                result = completed(store, proxy.results(hostOperationId).resultSummary());
            }
        } catch (HostNotFoundException e) {
            if (!applyTerminal) {
                return store.find(operationId);
            }
            String error = "host " + proxy.baseUrl() + " no longer knows operation " + hostOperationId
                    + " (did it restart?)";
            LOG.warnf("operation %s failed: %s", operationId, error);
            Instant now = clock.instant();
            return store.update(operationId, current -> current.status().canMoveTo(OperationStatus.FAILED)
                    ? current.withStatus(OperationStatus.FAILED, now).withError(error)
                    : current);
        } catch (HostException e) {
            return markUnreachable(store, clock, e);
        }
        hostVersion = host.version();
        Instant now = clock.instant();
        if (unreachableSince != null) {
            mappings.recordContact(operationId, now);
            unreachableSince = null;
        }
        store(page.metrics());
        int metricsCount = metricsCursor;
        Map<String, Object> summary = result;
        return store.update(operationId, current -> current.status().isTerminal()
                ? current
                : follow(current, host, Math.max(metricsCount, current.metricsCount()), now, applyTerminal, summary));
    }

    /**
     * Stores the page fetched from the host cursor {@code metricsCursor}, exactly once across
     * replicas: when another follower moved the cursor meanwhile, only the part after its cursor is
     * stored (a tail it has not stored yet must not be lost: the record may complete with this pull).
     */
    private void store(List<Map<String, Object>> metrics) {
        int from = metricsCursor;
        int next = from + metrics.size();
        while (metricsCursor < next) {
            if (mappings.appendHostMetrics(operationId, metricsCursor, next, metrics.subList(metricsCursor - from,
                    metrics.size()))) {
                metricsCursor = next;
                return;
            }
            int stored = mappings.find(operationId).map(RemoteMapping::hostMetricsCursor).orElse(next);
            LOG.debugf("operation %s: host metrics up to %d stored by another follower (this one was at %d)",
                    operationId, stored, metricsCursor);
            if (stored < from) {
                return;
            }
            metricsCursor = Math.max(metricsCursor, stored);
        }
    }

    private OperationInfo follow(OperationInfo current, OperationInfo host, int metricsCount, Instant now,
            boolean applyTerminal, Map<String, Object> result) {
        OperationProgress progress = withContext(host.progress(), Map.of(HOST_REACHABLE, true), LAST_HOST_ERROR,
                UNREACHABLE_SINCE);
        OperationStatus hostStatus = host.status();
        boolean finish = applyTerminal && hostStatus.isTerminal() && current.status().canMoveTo(hostStatus)
                && !(cancelling && hostStatus == OperationStatus.CANCELLED);
        if (!finish && progress.equals(current.progress()) && metricsCount == current.metricsCount()) {
            // nothing new on the host: same record, same version (long-poll waiters must not wake for it)
            return current;
        }
        OperationInfo next = current.withProgress(progress, metricsCount, now);
        if (!finish) {
            return next;
        }
        Instant completedAt = host.completedAt() == null ? now : host.completedAt();
        next = next.withStatus(hostStatus, now);
        next = new OperationInfo(next.operationId(), next.operationType(), next.status(), next.createdAt(),
                next.startedAt(), next.updatedAt(), completedAt, next.progress(), next.metadata(),
                hostStatus == OperationStatus.COMPLETED ? result : null,
                hostStatus == OperationStatus.FAILED ? host.errorMessage() : null, next.metricsCount(), next.version());
        LOG.infof("operation %s %s on host %s as %s", operationId, hostStatus.wireName(), proxy.baseUrl(),
                hostOperationId);
        return next;
    }

    /** The host's result after the completion hook; a failing hook is reported in the result, not to the client. */
    private Map<String, Object> completed(OperationStore store, Map<String, Object> hostResult) {
        OperationInfo record = store.find(operationId).orElse(null);
        if (record == null || record.status().isTerminal()) {
            return hostResult;
        }
        try {
            return completion.completed(record, hostResult);
        } catch (RuntimeException e) {
            LOG.errorf(e, "operation %s: completed on %s, but its completion step failed", operationId, proxy.baseUrl());
            Map<String, Object> result = new HashMap<>(hostResult == null ? Map.of() : hostResult);
            result.put("completion_error", String.valueOf(e.getMessage()));
            return result;
        }
    }

    private Optional<OperationInfo> markUnreachable(OperationStore store, Clock clock, HostException e) {
        Instant now = clock.instant();
        if (unreachableSince == null) {
            // the first failure since the last answer is kept, also across replicas and restarts
            mappings.recordUnreachable(operationId, now);
            unreachableSince = mappings.find(operationId).map(RemoteMapping::unreachableSince).orElse(now);
        }
        Map<String, Object> marks = new HashMap<>(Map.of(HOST_REACHABLE, false, LAST_HOST_ERROR, e.getMessage(),
                UNREACHABLE_SINCE, unreachableSince.toString()));
        return store.update(operationId, current -> {
            if (current.status().isTerminal()) {
                return current;
            }
            if (stalls.isStalled(current.operationType(), quietFor(now))) {
                marks.put(STALLED, true);
            }
            Map<String, Object> context = current.progress().context();
            if (context != null && marks.entrySet().stream().allMatch(m -> m.getValue().equals(context.get(m.getKey())))) {
                return current;
            }
            OperationProgress progress = withContext(current.progress(), marks);
            return current.withProgress(progress, current.metricsCount(), now);
        });
    }

    private static OperationProgress withContext(OperationProgress p, Map<String, Object> extra, String... drop) {
        Map<String, Object> context = new HashMap<>(p.context() == null ? Map.of() : p.context());
        for (String key : drop) {
            context.remove(key);
        }
        context.putAll(extra);
        return new OperationProgress(p.percentage(), p.message(), p.currentStep(), p.stepsCompleted(), p.stepsTotal(),
                p.itemsProcessed(), p.itemsTotal(), p.currentItem(), Map.copyOf(context));
    }
}

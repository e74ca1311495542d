package io.opsbridge.core;

import io.opsbridge.core.api.MetricsResponse;
import io.opsbridge.core.api.OperationInfo;
import io.opsbridge.core.api.OperationProgress;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostNotFoundException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Copies what a host knows about one of its operations into this process's record: the state,
 * then the metrics after this follower's own cursor, and (once the host is done) the outcome.
 * The cursor advances only by the metrics received. Pulls are serialized, like {@link BridgeFollower}.
 *
 * <p>A host that cannot be reached changes nothing but two context fields,
 * {@code host_reachable=false} and {@code last_host_error}; the last known progress stays.
 */
final class RemoteFollower {

    private static final Logger LOG = Logger.getLogger(RemoteFollower.class);

    static final String HOST_REACHABLE = "host_reachable";
    static final String LAST_HOST_ERROR = "last_host_error";

    private final String operationId;
    private final OperationServiceProxy proxy;
    private final String hostOperationId;
    private int metricsCursor;
    private boolean cancelling;

    /** {@code metricsReceived}: how many of the host's metrics the record already holds (0 for a new one). */
    RemoteFollower(String operationId, OperationServiceProxy proxy, String hostOperationId, int metricsReceived) {
        this.operationId = operationId;
        this.proxy = proxy;
        this.hostOperationId = hostOperationId;
        this.metricsCursor = metricsReceived;
    }

    /** Pulls the host once; a terminal host status becomes this record's terminal status. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock, boolean forceRefresh) {
        return refresh(store, clock, forceRefresh, true);
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
                result = proxy.results(hostOperationId).resultSummary();
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
        if (!page.metrics().isEmpty()) {
            store.appendMetrics(operationId, page.metrics());
            metricsCursor += page.metrics().size();
        }
        int metricsCount = metricsCursor;
        Instant now = clock.instant();
        Map<String, Object> summary = result;
        return store.update(operationId, current -> current.status().isTerminal()
                ? current
                : follow(current, host, metricsCount, now, applyTerminal, summary));
    }

    private OperationInfo follow(OperationInfo current, OperationInfo host, int metricsCount, Instant now,
            boolean applyTerminal, Map<String, Object> result) {
        OperationProgress progress = withContext(host.progress(), Map.of(HOST_REACHABLE, true), LAST_HOST_ERROR);
        OperationInfo next = current.withProgress(progress, metricsCount, now);
        OperationStatus hostStatus = host.status();
        if (!applyTerminal || !hostStatus.isTerminal() || !current.status().canMoveTo(hostStatus)
                || (cancelling && hostStatus == OperationStatus.CANCELLED)) {
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

    private Optional<OperationInfo> markUnreachable(OperationStore store, Clock clock, HostException e) {
        Instant now = clock.instant();
        return store.update(operationId, current -> {
            Map<String, Object> context = current.progress().context();
            if (current.status().isTerminal() || (Boolean.FALSE.equals(context.get(HOST_REACHABLE))
                    && e.getMessage().equals(context.get(LAST_HOST_ERROR)))) {
                return current;
            }
            OperationProgress progress = withContext(current.progress(),
                    Map.of(HOST_REACHABLE, false, LAST_HOST_ERROR, e.getMessage()), null);
            return current.withProgress(progress, current.metricsCount(), now);
        });
    }

    private static OperationProgress withContext(OperationProgress p, Map<String, Object> extra, String drop) {
        Map<String, Object> context = new HashMap<>(p.context() == null ? Map.of() : p.context());
        if (drop != null) {
            context.remove(drop);
        }
        context.putAll(extra);
        return new OperationProgress(p.percentage(), p.message(), p.currentStep(), p.stepsCompleted(), p.stepsTotal(),
                p.itemsProcessed(), p.itemsTotal(), p.currentItem(), Map.copyOf(context));
    }
}

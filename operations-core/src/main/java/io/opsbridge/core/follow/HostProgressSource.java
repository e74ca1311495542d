package io.opsbridge.core.follow;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostNotFoundException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Copies what a host knows about one of its operations into this process's record: the state,
 * then the metrics after the mapping's host cursor when the host counts more than were copied
 * ({@link HostMetricsCopy}, exactly once across
 * replicas), and once the host is done its outcome, handed to the lifecycle by {@link #takeOutcome}.
 * Pulls are serialized, like {@link LocalProgressSource}.
 *
 * <p>A host that cannot be reached changes nothing but context fields ({@code host_reachable=false},
 * {@code last_host_error}, {@code unreachable_since}, and {@code stalled=true} once the type's
 * stall-after has passed); the last known progress stays. {@link #quietFor} is how long the host
 * has not answered, for lost detection on read.
 */
public final class HostProgressSource implements ProgressSource {

    private static final Logger LOG = Logger.getLogger(HostProgressSource.class);

    private final String operationId;
    private final OperationServiceProxy proxy;
    private final String hostOperationId;
    private final RemoteMappingStore mappings;
    private final OperationStore store;
    private final Clock clock;
    private final Settings settings;
    private final HostMetricsCopy metrics;
    private final AtomicReference<HostOutcome> outcome = new AtomicReference<>();
    /** Volatile, so {@link #quietFor} never waits for a pull's host call (it runs on the event loop for cached reads). */
    private volatile Instant unreachableSince;
    private boolean cancelling;
    /** The host's version of the operation at the last answer, for the host's long-poll. */
    private volatile long hostVersion;

    /** Follows {@code mapping} (already saved in {@code mappings}) through {@code proxy}. */
    public HostProgressSource(RemoteMapping mapping, OperationServiceProxy proxy, RemoteMappingStore mappings,
            OperationStore store, Clock clock, Settings settings) {
        this.operationId = mapping.operationId();
        this.proxy = proxy;
        this.hostOperationId = mapping.hostOperationId();
        this.mappings = mappings;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.metrics = new HostMetricsCopy(operationId, mapping.hostMetricsCursor(), mappings);
        this.unreachableSince = mapping.unreachableSince();
    }

    /** Pulls the host once; a terminal host status is kept for {@link #takeOutcome}. */
    @Override
    public synchronized Optional<OperationInfo> pull(boolean forceRefresh) {
        long started = System.nanoTime();
        Optional<OperationInfo> pulled = refresh(forceRefresh, true);
        Monitoring.monitor().refreshed("host", System.nanoTime() - started);
        return pulled;
    }

    /** Nothing is kept only in memory: every pull stores what it found. */
    @Override
    public void flush() {
    }

    /** The first failed call after the host's last answer; null while it answers. */
    @Override
    public Instant quietSince() {
        return unreachableSince;
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        return "host unreachable: " + proxy.baseUrl() + " has not answered for " + quiet.toSeconds()
                + "s (fail-after " + failAfter.toSeconds() + "s)";
    }

    @Override
    public boolean hasOutcome() {
        return outcome.get() != null;
    }

    @Override
    public Optional<HostOutcome> takeOutcome() {
        return Optional.ofNullable(outcome.getAndSet(null));
    }

    /** True once the host's operation moves past the version last seen here, false after {@code wait} or a failure. */
    @Override
    public boolean awaitChange(Duration wait, Runnable changed, Runnable ended) {
        CompletionStage<Boolean> change = proxy.changeAfter(hostOperationId, hostVersion, wait);
        change.whenComplete((moved, error) -> {
            ended.run();
            if (Boolean.TRUE.equals(moved)) {
                changed.run();
            }
        });
        return true;
    }

    /**
     * Cancels on the host, then pulls the last metrics without taking the host's status (the
     * lifecycle cancels the record). A host that already finished is pulled in full, so its outcome
     * shows why the cancel is refused; an unreachable host is logged and noted, and the cancel goes on.
     */
    @Override
    public synchronized void cancel() {
        // from now on the lifecycle, not a concurrent pull, ends the record
        cancelling = true;
        try {
            proxy.cancel(hostOperationId);
            refresh(true, false);
        } catch (HostRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
            refresh(true, true);
        } catch (HostNotFoundException e) {
            LOG.warnf("operation %s: host %s no longer knows %s; cancelling here only", operationId,
                    proxy.baseUrl(), hostOperationId);
        } catch (HostException e) {
            LOG.warnf("operation %s: cancel not propagated to %s (%s); cancelling here only", operationId,
                    proxy.baseUrl(), e.getMessage());
            markUnreachable(e);
        }
    }

    private Optional<OperationInfo> refresh(boolean forceRefresh, boolean takeTerminal) {
        OperationInfo host;
        MetricsResponse page;
        Map<String, Object> result = null;
        try {
            host = proxy.get(hostOperationId, forceRefresh);
            // the host's record counts its metrics: a second call only when it has some not copied yet
            page = host.metricsCount() > metrics.cursor() ? proxy.metrics(hostOperationId, metrics.cursor()) : null;
            if (takeTerminal && host.status() == OperationStatus.COMPLETED) {
                result = proxy.results(hostOperationId).resultSummary();
            }
        } catch (HostNotFoundException e) {
            if (takeTerminal) {
                String error = "host " + proxy.baseUrl() + " no longer knows operation " + hostOperationId
                        + " (did it restart?)";
                outcome.set(HostOutcome.lost(error));
            }
            return store.find(operationId);
        } catch (HostException e) {
            return markUnreachable(e);
        }
        hostVersion = host.version();
        Instant now = clock.instant();
        if (unreachableSince != null) {
            mappings.recordContact(operationId, now);
            unreachableSince = null;
        }
        int metricsCount = page == null ? metrics.cursor() : metrics.store(page.metrics());
        Optional<OperationInfo> updated = store.update(operationId, current -> current.status().isTerminal()
                ? current
                : follow(current, host, Math.max(metricsCount, current.metricsCount()), now));
        OperationStatus hostStatus = host.status();
        if (takeTerminal && hostStatus.isTerminal() && !(cancelling && hostStatus == OperationStatus.CANCELLED)
                && updated.map(r -> r.status().canMoveTo(hostStatus)).orElse(false)) {
            outcome.set(new HostOutcome(hostStatus, host.completedAt(),
                    hostStatus == OperationStatus.COMPLETED ? result : null,
                    hostStatus == OperationStatus.FAILED ? host.errorMessage() : null));
        }
        return updated;
    }

    /** The record with the host's progress; the same record (same version) when nothing is new. */
    private static OperationInfo follow(OperationInfo current, OperationInfo host, int metricsCount, Instant now) {
        OperationProgress progress = ProgressContext.with(host.progress(), Map.of(ProgressContext.HOST_REACHABLE, true),
                ProgressContext.LAST_HOST_ERROR, ProgressContext.UNREACHABLE_SINCE);
        if (progress.equals(current.progress()) && metricsCount == current.metricsCount()) {
            // nothing new on the host: same record, same version (long-poll waiters must not wake for it)
            return current;
        }
        return current.withProgress(progress, metricsCount, now);
    }

    private Optional<OperationInfo> markUnreachable(HostException e) {
        Instant now = clock.instant();
        if (unreachableSince == null) {
            // the first failure since the last answer is kept, also across replicas and restarts
            mappings.recordUnreachable(operationId, now);
            unreachableSince = mappings.find(operationId).map(RemoteMapping::unreachableSince).orElse(now);
        }
        Map<String, Object> marks = new HashMap<>(Map.of(ProgressContext.HOST_REACHABLE, false,
                ProgressContext.LAST_HOST_ERROR, e.getMessage(), ProgressContext.UNREACHABLE_SINCE,
                unreachableSince.toString()));
        Duration quiet = quietFor(now);
        return store.update(operationId, current -> {
            if (current.status().isTerminal()) {
                return current;
            }
            if (settings.current().stalls().isStalled(current.operationType(), quiet)) {
                marks.put(ProgressContext.STALLED, true);
            }
            Map<String, Object> context = current.progress().context();
            if (context != null && marks.entrySet().stream().allMatch(m -> m.getValue().equals(context.get(m.getKey())))) {
                return current;
            }
            return current.withProgress(ProgressContext.with(current.progress(), marks), current.metricsCount(), now);
        });
    }
}

package io.opsbridge.core.follow;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.proxy.HostCalls;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Copies what a host knows about one of its operations into this process's record: the state,
 * then the metrics after the mapping's host cursor when the host counts more than were copied
 * ({@link HostMetricsCopy}, exactly once across
 * replicas), and once the host is done its outcome, handed to the lifecycle by {@link #takeOutcome}.
 * Pulls are serialized, like {@link LocalProgressSource}. The record lives in a {@link WriteBehindRecord}:
 * progress alone is stored at most once per persist interval, so a forced read whose answer only
 * moves the progress is served from memory without a thread waiting for the host ({@link #pullAsync}).
 *
 * <p>A host that cannot be reached changes nothing but context fields ({@code host_reachable=false},
 * {@code last_host_error}, {@code unreachable_since}, and {@code stalled=true} once the type's
 * stall-after has passed); the last known progress stays. {@link #quietFor} is how long the host
 * has not answered, for lost detection on read.
 */
public final class HostProgressSource implements ProgressSource {

    private static final Logger LOG = Logger.getLogger(HostProgressSource.class);

    private final String operationId;
    private final String hostUrl;
    /** The proxy of a host URL with the timeouts in force: asked at each call, so a reload reaches a running operation. */
    private final Function<String, OperationServiceProxy> proxies;
    private final String hostOperationId;
    private final WriteBehindRecord record;
    private final Clock clock;
    private final HostMetricsCopy metrics;
    private final AtomicReference<HostOutcome> outcome = new AtomicReference<>();
    /** Serializes pulls; a forced read's answer arriving on an event loop only tries it. */
    private final ReentrantLock lock = new ReentrantLock();
    private final HostContact contact;
    private boolean cancelling;
    /** The host's version of the operation at the last answer, for the host's long-poll. */
    private volatile long hostVersion;

    /** Follows {@code mapping} (already saved in {@code mappings}) through the proxy {@code proxies} gives for its host. */
    public HostProgressSource(RemoteMapping mapping, Function<String, OperationServiceProxy> proxies,
            RemoteMappingStore mappings, OperationStore store, Clock clock, Settings settings) {
        this.operationId = mapping.operationId();
        this.hostUrl = mapping.hostServiceUrl();
        this.proxies = proxies;
        this.hostOperationId = mapping.hostOperationId();
        this.record = new WriteBehindRecord(operationId, store, settings);
        this.clock = clock;
        this.metrics = new HostMetricsCopy(operationId, mapping.hostMetricsCursor(), mappings);
        this.contact = new HostContact(mapping, mappings);
    }

    /** Pulls the host once; a terminal host status is kept for {@link #takeOutcome}. */
    @Override
    public Optional<OperationInfo> pull(boolean forceRefresh) {
        long started = System.nanoTime();
        try {
            return locked(() -> refresh(forceRefresh, true));
        } finally {
            Monitoring.monitor().refreshed("host", System.nanoTime() - started);
        }
    }

    /**
     * A forced pull that parks no thread while the host answers. An answer that only moves the
     * progress is applied in memory on the thread it arrives on (an event loop); anything that
     * writes (new metrics, a terminal status, reachability, a due persist) or an answer that meets
     * another pull is finished on {@code blocking}. Null before the first pull has read the record.
     */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAsync(Executor blocking) {
        OperationInfo known = record.latest();
        if (known == null || known.status() != OperationStatus.RUNNING) {
            return null;
        }
        long started = System.nanoTime();
        return proxy().getAsync(hostOperationId, true).handle((host, error) -> {
            long hostNanos = System.nanoTime() - started;
            Optional<OperationInfo> quick = error == null ? inMemory(host) : null;
            if (quick != null) {
                finished(started, hostNanos);
                return CompletableFuture.completedFuture(quick);
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return locked(() -> error == null ? handled(() -> answered(host, true), true)
                            : failed(HostCalls.failureOf(error), true));
                } finally {
                    finished(started, hostNanos);
                }
            }, blocking);
        }).thenCompose(Function.identity());
    }

    /** Stores the progress a pull kept only in memory (before a status change). */
    @Override
    public void flush() {
        locked(() -> record.save(true, clock.instant()));
    }

    /** The first failed call after the host's last answer; null while it answers. */
    @Override
    public Instant quietSince() {
        return contact.since();
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        return "host unreachable: " + hostUrl + " has not answered for " + quiet.toSeconds()
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

    /** The host's long-poll answer (past the version last seen here, or the same after {@code wait}) applied as a pull. */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor apply) {
        long started = System.nanoTime();
        return proxy().changeAfter(hostOperationId, hostVersion, wait).handleAsync((host, error) -> {
            try {
                return locked(() -> error == null ? handled(() -> answered(host, true), true)
                        : failed(HostCalls.failureOf(error), true));
            } finally {
                Monitoring.monitor().refreshed("host", System.nanoTime() - started);
            }
        }, apply);
    }

    /**
     * Cancels on the host, then pulls the last metrics without taking the host's status (the
     * lifecycle cancels the record). A host that already finished is pulled in full, so its outcome
     * shows why the cancel is refused; an unreachable host is logged and noted, and the cancel goes on.
     */
    @Override
    public void cancel() {
        lock.lock();
        try {
            // from now on the lifecycle, not a concurrent pull, ends the record
            cancelling = true;
            proxy().cancel(hostOperationId);
            refresh(true, false);
        } catch (HostRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
            refresh(true, true);
        } catch (HostNotFoundException e) {
            LOG.warnf("operation %s: host %s no longer knows %s; cancelling here only", operationId,
                    hostUrl, hostOperationId);
        } catch (HostException e) {
            LOG.warnf("operation %s: cancel not propagated to %s (%s); cancelling here only", operationId,
                    hostUrl, e.getMessage());
            markUnreachable(e);
        } finally {
            lock.unlock();
        }
    }

    private Optional<OperationInfo> refresh(boolean forceRefresh, boolean takeTerminal) {
        return handled(() -> answered(proxy().get(hostOperationId, forceRefresh), takeTerminal), takeTerminal);
    }

    /**
     * The host's answer applied in memory, if that is all it needs and the lock is free at once;
     * null sends it to the blocking path. Runs on the event loop: it never waits for a lock.
     */
    private Optional<OperationInfo> inMemory(OperationInfo host) {
        if (!lock.tryLock()) {
            return null;
        }
        try {
            OperationInfo current = record.latest();
            Instant now = clock.instant();
            if (current == null || current.status() != OperationStatus.RUNNING || cancelling || !contact.reachable()
                    || host.status().isTerminal() || host.metricsCount() > metrics.cursor() || outcome.get() != null) {
                return null;
            }
            if (host.version() >= hostVersion) {
                hostVersion = host.version();
                record.follow(reachable(host), Math.max(metrics.cursor(), current.metricsCount()), now);
            }
            return record.persistDue(now) ? null : Optional.of(record.latest());
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code pull}; a host that fails it is handled as {@link #failed} says. */
    private Optional<OperationInfo> handled(Supplier<Optional<OperationInfo>> pull, boolean takeTerminal) {
        try {
            return pull.get();
        } catch (HostException e) {
            return failed(e, takeTerminal);
        }
    }

    /** A host that no longer knows the operation fails it (when taking terminals); any other failure marks it unreachable. */
    private Optional<OperationInfo> failed(HostException e, boolean takeTerminal) {
        if (!(e instanceof HostNotFoundException)) {
            return markUnreachable(e);
        }
        if (takeTerminal) {
            String error = "host " + hostUrl + " no longer knows operation " + hostOperationId
                    + " (did it restart?)";
            outcome.set(HostOutcome.lost(error));
        }
        return record.save(true, clock.instant());
    }

    /** Applies one answer of the host: metrics after the cursor, the result of a completion, the progress. */
    private Optional<OperationInfo> answered(OperationInfo host, boolean takeTerminal) {
        Instant now = clock.instant();
        Optional<OperationInfo> known = record.load(now);
        if (known.isEmpty() || host.version() < hostVersion) {
            // gone, or an answer overtaken by a newer one (two forced reads at once)
            return known;
        }
        // the host's record counts its metrics: a second call only when it has some not copied yet
        MetricsResponse page = host.metricsCount() > metrics.cursor() ? proxy().metrics(hostOperationId, metrics.cursor()) : null;
        Map<String, Object> result = takeTerminal && host.status() == OperationStatus.COMPLETED
                ? proxy().results(hostOperationId).resultSummary() : null;
        hostVersion = host.version();
        boolean regained = contact.answered(now);
        int copied = metrics.cursor();
        int metricsCount = page == null ? copied : metrics.store(page.metrics());
        record.follow(reachable(host), Math.max(metricsCount, known.get().metricsCount()), now);
        OperationStatus hostStatus = host.status();
        // progress alone may wait; what a reader elsewhere or the lifecycle needs is stored now
        Optional<OperationInfo> updated = record.save(regained || metricsCount != copied || hostStatus.isTerminal(), now);
        if (takeTerminal && hostStatus.isTerminal() && !(cancelling && hostStatus == OperationStatus.CANCELLED)
                && updated.map(r -> r.status().canMoveTo(hostStatus)).orElse(false)) {
            outcome.set(new HostOutcome(hostStatus, host.completedAt(),
                    hostStatus == OperationStatus.COMPLETED ? result : null,
                    hostStatus == OperationStatus.FAILED ? host.errorMessage() : null));
        }
        return updated;
    }

    private Optional<OperationInfo> markUnreachable(HostException e) {
        Instant now = clock.instant();
        Instant since = contact.failed(now);
        Optional<OperationInfo> known = record.load(now);
        if (known.isEmpty()) {
            return known;
        }
        Map<String, Object> marks = new HashMap<>(Map.of(ProgressContext.HOST_REACHABLE, false,
                ProgressContext.LAST_HOST_ERROR, e.getMessage(), ProgressContext.UNREACHABLE_SINCE, since.toString()));
        marks.putAll(record.stallMarks(since, now));
        record.mark(marks, now);
        return record.save(true, now);
    }

    private OperationServiceProxy proxy() {
        return proxies.apply(hostUrl);
    }

    /** The host's progress, marked as reached (its earlier unreachability marks dropped). */
    private static OperationProgress reachable(OperationInfo host) {
        return ProgressContext.with(host.progress(), Map.of(ProgressContext.HOST_REACHABLE, true),
                ProgressContext.LAST_HOST_ERROR, ProgressContext.UNREACHABLE_SINCE);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void finished(long started, long hostNanos) {
        long nanos = System.nanoTime() - started;
        Monitoring.monitor().refreshed("host", nanos);
        Monitoring.monitor().readFinished(operationId, true, nanos, 0, hostNanos);
    }
}

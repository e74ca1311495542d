package io.opsbridge.core.follow;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationResults;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Follows one operation on a worker host: when and how the host is called (a read, the host's
 * long-poll, a cancel), no thread waiting for a read's answer, each answer applied under one lock.
 * What each answer does to the record (progress, metrics exactly once across replicas, the outcome
 * handed to the lifecycle by {@link #takeOutcome}, reachability and stall marks) is
 * {@link HostAnswers}'; the record waits in a {@link WriteBehindRecord}, so a read whose answer only
 * moves the progress is served from memory on the thread the answer arrives on ({@link #pull}).
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
    private final HostAnswers answers;
    /** Serializes pulls; a forced read's answer arriving on an event loop only tries it. */
    private final ReentrantLock lock = new ReentrantLock();

    /** Follows {@code mapping} (already saved in {@code mappings}) through the proxy {@code proxies} gives for its host. */
    public HostProgressSource(RemoteMapping mapping, Function<String, OperationServiceProxy> proxies,
            RemoteMappingStore mappings, OperationStore store, Clock clock, Settings settings) {
        this.operationId = mapping.operationId();
        this.hostUrl = mapping.hostServiceUrl();
        this.proxies = proxies;
        this.hostOperationId = mapping.hostOperationId();
        this.answers = new HostAnswers(mapping, mappings, store, clock, settings);
    }

    /**
     * Pulls the host once without a thread waiting for it: an answer that only moves the progress is
     * applied in memory on the thread it arrives on (an event loop); anything else (new metrics, a
     * terminal status, reachability, a due save, or a pull under way) fetches what it needs besides,
     * also without waiting, and is applied on {@code blocking}. A terminal host status is kept for
     * {@link #takeOutcome}.
     */
    @Override
    public CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking) {
        long started = System.nanoTime();
        return proxy().get(hostOperationId, forceRefresh).handle((host, error) -> {
            long hostNanos = System.nanoTime() - started;
            Optional<OperationInfo> quick = error == null ? inMemoryIfFree(host) : null;
            if (quick != null) {
                finished(started, hostNanos);
                return CompletableFuture.completedFuture(quick);
            }
            CompletionStage<Optional<OperationInfo>> applied = error == null ? applied(host, blocking)
                    : failed(error, blocking);
            return applied.whenComplete((record, failure) -> finished(started, hostNanos));
        }).thenCompose(Function.identity());
    }

    /** Stores the progress a pull kept only in memory (before a status change). */
    @Override
    public void flush() {
        locked(answers::flush);
    }

    /** The first failed call after the host's last answer; null while it answers. */
    @Override
    public Instant quietSince() {
        return answers.quietSince();
    }

    @Override
    public String hostOperationId() {
        return hostOperationId;
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        return "host unreachable: " + hostUrl + " has not answered for " + quiet.toSeconds()
                + "s (fail-after " + failAfter.toSeconds() + "s)";
    }

    @Override
    public boolean hasOutcome() {
        return answers.hasOutcome();
    }

    @Override
    public Optional<HostOutcome> takeOutcome() {
        return answers.takeOutcome();
    }

    /** The host's long-poll answer (past the version last seen here, or the same after {@code wait}) applied as a pull, on {@code blocking}. */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor blocking) {
        long started = System.nanoTime();
        return proxy().changeAfter(hostOperationId, answers.hostVersion(), wait)
                .handle((host, error) -> error == null ? applied(host, blocking) : failed(error, blocking))
                .thenCompose(Function.identity())
                .whenComplete((record, failure) -> Monitoring.monitor().refreshed("host", System.nanoTime() - started));
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
            answers.cancelling();
            proxy().cancel(hostOperationId);
            refreshHere(false);
        } catch (HostRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
            refreshHere(true);
        } catch (HostNotFoundException e) {
            LOG.warnf("operation %s: host %s no longer knows %s; cancelling here only", operationId,
                    hostUrl, hostOperationId);
        } catch (HostException e) {
            LOG.warnf("operation %s: cancel not propagated to %s (%s); cancelling here only", operationId,
                    hostUrl, e.getMessage());
            answers.markUnreachable(e);
        } finally {
            lock.unlock();
        }
    }

    /** The host's answer, with what it needs besides, applied on {@code blocking} under the lock. */
    private CompletionStage<Optional<OperationInfo>> applied(OperationInfo host, Executor blocking) {
        return withExtras(host, true).handle((answer, error) -> error == null
                ? CompletableFuture.supplyAsync(() -> locked(() -> answers.answered(answer, true)), blocking)
                : failed(error, blocking)).thenCompose(Function.identity());
    }

    /** A failed call (to the host: it is marked unreachable, or lost if it no longer knows the operation) applied on {@code blocking}. */
    private CompletionStage<Optional<OperationInfo>> failed(Throwable error, Executor blocking) {
        return CompletableFuture.supplyAsync(() -> locked(() -> answers.failed(HostCalls.failureOf(error), true)), blocking);
    }

    /**
     * {@code host}'s answer with the metrics page it counts beyond the copied cursor (the host's
     * record counts its metrics: a second call only when there are some) and, if {@code takeTerminal}
     * and it completed, its result; fetched at once, no thread waiting.
     */
    private CompletionStage<HostAnswer> withExtras(OperationInfo host, boolean takeTerminal) {
        int from = answers.metricsCursor();
        CompletionStage<MetricsResponse> page = host.metricsCount() > from
                ? proxy().metrics(hostOperationId, from) : CompletableFuture.completedFuture(null);
        CompletionStage<OperationResults> result = takeTerminal && host.status() == OperationStatus.COMPLETED
                ? proxy().results(hostOperationId) : CompletableFuture.completedFuture(null);
        return page.thenCombine(result, (metrics, done) -> new HostAnswer(host, from,
                metrics == null ? null : metrics.metrics(), done == null ? null : done.resultSummary()));
    }

    /** A read for the cancel, on its thread, under the lock it holds: waits for the host (a cancel is not a read path). */
    private Optional<OperationInfo> refreshHere(boolean takeTerminal) {
        HostAnswer answer;
        try {
            answer = proxy().get(hostOperationId, true).thenCompose(host -> withExtras(host, takeTerminal))
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            return answers.failed(HostCalls.failureOf(e), takeTerminal);
        }
        return answers.answered(answer, takeTerminal);
    }

    /** The answer applied in memory if the lock is free at once (it runs on the event loop: it never waits for a lock). */
    private Optional<OperationInfo> inMemoryIfFree(OperationInfo host) {
        if (!lock.tryLock()) {
            return null;
        }
        try {
            return answers.inMemory(host);
        } finally {
            lock.unlock();
        }
    }

    private OperationServiceProxy proxy() {
        return proxies.apply(hostUrl);
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

package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Follows one operation on a worker host: when and how the host is called (a read, a forced read
 * that parks no thread, the host's long-poll, a cancel), serialized by one lock. What each answer
 * does to the record (progress, metrics exactly once across replicas, the outcome handed to the
 * lifecycle by {@link #takeOutcome}, reachability and stall marks) is {@link HostAnswers}'; the
 * record waits in a {@link WriteBehindRecord}, so a forced read whose answer only moves the progress
 * is served from memory without a thread waiting for the host ({@link #pullAsync}).
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
        this.answers = new HostAnswers(mapping, this::proxy, mappings, store, clock, settings);
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
        OperationInfo known = answers.latest();
        if (known == null || known.status() != OperationStatus.RUNNING) {
            return null;
        }
        long started = System.nanoTime();
        return proxy().getAsync(hostOperationId, true).handle((host, error) -> {
            long hostNanos = System.nanoTime() - started;
            Optional<OperationInfo> quick = error == null ? inMemoryIfFree(host) : null;
            if (quick != null) {
                finished(started, hostNanos);
                return CompletableFuture.completedFuture(quick);
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return locked(() -> error == null ? answers.handled(() -> answers.answered(host, true), true)
                            : answers.failed(HostCalls.failureOf(error), true));
                } finally {
                    finished(started, hostNanos);
                }
            }, blocking);
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

    /** The host's long-poll answer (past the version last seen here, or the same after {@code wait}) applied as a pull. */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor apply) {
        long started = System.nanoTime();
        return proxy().changeAfter(hostOperationId, answers.hostVersion(), wait).handleAsync((host, error) -> {
            try {
                return locked(() -> error == null ? answers.handled(() -> answers.answered(host, true), true)
                        : answers.failed(HostCalls.failureOf(error), true));
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
            answers.cancelling();
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
            answers.markUnreachable(e);
        } finally {
            lock.unlock();
        }
    }

    private Optional<OperationInfo> refresh(boolean forceRefresh, boolean takeTerminal) {
        return answers.handled(() -> answers.answered(proxy().get(hostOperationId, forceRefresh), takeTerminal),
                takeTerminal);
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

package io.opsbridge.core;

import io.opsbridge.api.OperationInfo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Long-poll: clients that wait for an operation to move past a version they have seen.
 *
 * <p>A waiter is a future, not a thread: any number of clients wait on one timer thread. While an
 * operation has waiters, its local bridge carries a write listener that only schedules a wake-up
 * (coalesced: one pending wake per operation however many writes); the wake does one forced
 * refresh and answers every waiter the new version satisfies. Status changes wake too. With no
 * waiters the listener is removed, so the bridge write path is unchanged.
 *
 * <p>An operation followed on a host: one asynchronous long-poll on the host at a time (bounded
 * by the proxy's read timeout, re-opened while clients wait); its answer wakes the waiters like a
 * bridge write. A local operation of another replica is answered by a status change seen here or
 * at the end of the wait.
 */
@ApplicationScoped
public class VersionWaiters {

    private static final Logger LOG = Logger.getLogger(VersionWaiters.class);

    private final OperationsService operations;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-long-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public VersionWaiters(OperationsService operations) {
        this.operations = operations;
        operations.addChangeListener(this::signal);
    }

    /**
     * The operation as soon as its version exceeds {@code sinceVersion} or it is finished, or after
     * {@code wait} as it is then.
     *
     * @throws OperationNotFoundException at once for an unknown (or deleted) operation
     */
    public CompletionStage<OperationInfo> await(String operationId, long sinceVersion, Duration wait) {
        OperationInfo now = operations.get(operationId, false);
        if (satisfies(now, sinceVersion) || wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(now);
        }
        Waiter waiter = new Waiter(sinceVersion);
        Waiting joined = waiting.compute(operationId, (id, group) -> {
            Waiting g = group != null ? group : new Waiting();
            if (group == null) {
                g.local = operations.watchBridge(id, () -> signal(id));
            }
            g.waiters.add(waiter);
            return g;
        });
        if (!joined.local) {
            watchHost(operationId, joined);
        }
        // A write between the read above and arming the listener must not be missed: check once more.
        signal(operationId);
        ScheduledFuture<?> timeout = timer.schedule(() -> expire(operationId, waiter), wait.toMillis(), TimeUnit.MILLISECONDS);
        waiter.answer.whenComplete((info, error) -> timeout.cancel(false));
        return waiter.answer;
    }

    /** Something about the operation may have changed: schedule one wake-up unless one is pending. Never blocks. */
    public void signal(String operationId) {
        Waiting group = waiting.get(operationId);
        if (group != null && group.wakePending.compareAndSet(false, true)) {
            try {
                timer.execute(() -> wake(operationId));
            } catch (RejectedExecutionException e) {
                // shutting down: this runs on a worker's write, which must never fail because of a waiter
                group.wakePending.set(false);
            }
        }
    }

    /** How many clients wait now, over all operations. */
    public int waiterCount() {
        return waiting.values().stream().mapToInt(g -> g.waiters.size()).sum();
    }

    private void wake(String operationId) {
        Waiting group = waiting.get(operationId);
        if (group == null) {
            return;
        }
        group.wakePending.set(false);
        try {
            OperationInfo info = operations.get(operationId, true);
            group.waiters.removeIf(w -> satisfies(info, w.sinceVersion) && w.answer.complete(info));
        } catch (RuntimeException e) {
            group.waiters.removeIf(w -> w.answer.completeExceptionally(e));
            LOG.debugf("long-poll of %s ended with %s", operationId, e.toString());
        }
        removeIfIdle(operationId);
        if (!group.local && !group.waiters.isEmpty()) {
            watchHost(operationId, group);
        }
    }

    /**
     * Remote long-poll: at most one open host long-poll per operation however many clients wait;
     * its answer wakes them (and opens the next one while some still wait). A host that fails or
     * just times out opens none: the waiters are then answered at the end of their own wait.
     */
    private void watchHost(String operationId, Waiting group) {
        if (group.hostCallOpen.compareAndSet(false, true)
                && !operations.watchHost(operationId, Duration.ofSeconds(60), () -> signal(operationId),
                        () -> group.hostCallOpen.set(false))) {
            group.hostCallOpen.set(false);
        }
    }

    private void expire(String operationId, Waiter waiter) {
        // counted out before answered, so a client that got its answer never still counts as waiting
        Waiting group = waiting.get(operationId);
        if (group != null) {
            group.waiters.remove(waiter);
        }
        try {
            waiter.answer.complete(operations.get(operationId, false));
        } catch (RuntimeException e) {
            waiter.answer.completeExceptionally(e);
        }
        removeIfIdle(operationId);
    }

    private void removeIfIdle(String operationId) {
        waiting.computeIfPresent(operationId, (id, group) -> {
            if (!group.waiters.isEmpty()) {
                return group;
            }
            operations.watchBridge(id, null);
            return null;
        });
    }

    private static boolean satisfies(OperationInfo info, long sinceVersion) {
        return info.version() > sinceVersion || info.status().isTerminal();
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
    }

    private static final class Waiting {
        final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
        final AtomicBoolean wakePending = new AtomicBoolean();
        final AtomicBoolean hostCallOpen = new AtomicBoolean();
        volatile boolean local;
    }

    private static final class Waiter {
        final long sinceVersion;
        final CompletableFuture<OperationInfo> answer = new CompletableFuture<>();

        Waiter(long sinceVersion) {
            this.sinceVersion = sinceVersion;
        }
    }
}

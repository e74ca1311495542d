package io.opsbridge.core.longpoll;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.OperationStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
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
    /** One host long-poll lasts at most this long (the proxy's read timeout bounds it further). */
    private static final Duration HOST_WAIT = Duration.ofSeconds(60);

    private final OperationsService operations;
    private final ProgressSources sources;
    private final OperationStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-long-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public VersionWaiters(OperationsService operations, ProgressSources sources, OperationStore store,
            OperationLifecycle lifecycle) {
        this.operations = operations;
        this.sources = sources;
        this.store = store;
        lifecycle.addChangeListener(this::signal);
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
                g.local = watchWrites(id, () -> signal(id));
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
            // counted out before answered, so a client that got its answer never still counts as waiting
            List<Waiter> answered = group.waiters.stream().filter(w -> satisfies(info, w.sinceVersion)).toList();
            group.waiters.removeAll(answered);
            answered.forEach(w -> w.answer.complete(info));
            Monitoring.monitor().waitersWoken(answered.size());
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
                && !awaitHostChange(operationId, () -> signal(operationId), () -> group.hostCallOpen.set(false))) {
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
            watchWrites(id, null);
            return null;
        });
    }

    /** Sets (or with null clears) the write listener of the operation's local bridge; false if it has none here. */
    private boolean watchWrites(String operationId, Runnable listener) {
        return sources.registered(operationId).map(source -> source.watchWrites(listener)).orElse(false);
    }

    /**
     * Asks the host of a running host operation (asynchronously, bounded under the proxy's read
     * timeout) to answer when its version passes the one last seen here; false if it is not one.
     */
    private boolean awaitHostChange(String operationId, Runnable changed, Runnable ended) {
        OperationInfo info = store.find(operationId).orElse(null);
        if (info == null || info.status() != OperationStatus.RUNNING) {
            return false;
        }
        return sources.of(info).map(source -> source.awaitChange(HOST_WAIT, changed, ended)).orElse(false);
    }

    /** Whether {@code info} is an answer for a client waiting past {@code sinceVersion}: newer, or finished. */
    public static boolean satisfies(OperationInfo info, long sinceVersion) {
        return info.version() > sinceVersion || info.status().isTerminal();
    }

    @PreDestroy
    public void shutdown() {
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

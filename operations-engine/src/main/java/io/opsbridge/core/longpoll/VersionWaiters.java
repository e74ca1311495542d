package io.opsbridge.core.longpoll;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long-poll: clients that wait for an operation to move past a version they have seen.
 *
 * <p>A waiter is a future, not a thread: any number of clients wait on one timer thread. Waiters
 * wait on the operation's version without reading it: while an operation has waiters, its local
 * bridge carries a write listener that only schedules a wake-up. A wake-up does <b>one</b> refresh
 * and answers every waiter the new version satisfies; one operation's waiters are woken at most
 * once per {@code opsbridge.longpoll.min-interval}, however often its worker writes. Status changes
 * wake too. With no waiters the listener is removed, so the bridge write path is unchanged.
 *
 * <p>An operation followed on a host: one asynchronous long-poll on the host at a time, shared by
 * all its waiters; the operation the host answers with <i>is</i> the refresh (applied by its
 * source, no second read), and the next one opens after the min-interval while clients still wait.
 * A local operation of another replica is answered by a status change seen here or at the end of the wait.
 */
@ApplicationScoped
public class VersionWaiters {

    /** One host long-poll lasts at most this long (the proxy's read timeout bounds it further). */
    private static final Duration HOST_WAIT = Duration.ofSeconds(60);

    private final OperationsService operations;
    private final ProgressSources sources;
    private final OperationStore store;
    private final Settings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-long-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, OperationWaiters> waiting = new ConcurrentHashMap<>();

    public VersionWaiters(OperationsService operations, ProgressSources sources, OperationStore store,
            OperationLifecycle lifecycle, Settings settings) {
        this.operations = operations;
        this.sources = sources;
        this.store = store;
        this.settings = settings;
        lifecycle.addChangeListener(this::signal);
    }

    /**
     * The operation as soon as its version exceeds {@code sinceVersion} or it is finished, or after
     * {@code wait} as it is then. Only a cached copy is looked at here: without one, the next
     * wake-up reads the operation for this waiter and every other (an unknown one then fails).
     */
    public CompletionStage<OperationInfo> await(String operationId, long sinceVersion, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(operations.get(operationId, false));
        }
        OperationInfo known = operations.cachedAnswer(operationId);
        if (known != null && satisfies(known, sinceVersion)) {
            Monitoring.monitor().queried(false);
            return CompletableFuture.completedFuture(known);
        }
        OperationWaiters.Waiter waiter = new OperationWaiters.Waiter(sinceVersion);
        OperationWaiters joined = waiting.compute(operationId, (id, group) -> {
            OperationWaiters g = group != null ? group : new OperationWaiters();
            if (g.waiters.isEmpty()) {
                g.local = watchWrites(id, () -> signal(id));
            }
            g.waiters.add(waiter);
            return g;
        });
        // a host's answer reads it; else nothing cached to compare with, or a write since, is read by the next wake-up
        boolean hostAnswers = !joined.local && watchHost(operationId, joined);
        if (!hostAnswers && (known == null || (joined.local
                && sources.registered(operationId).map(ProgressSource::hasUnreadChange).orElse(false)))) {
            signal(operationId);
        }
        ScheduledFuture<?> timeout = timer.schedule(() -> expire(operationId, waiter), wait.toMillis(), TimeUnit.MILLISECONDS);
        waiter.answer.whenComplete((info, error) -> timeout.cancel(false));
        return waiter.answer;
    }

    /**
     * Something about the operation may have changed: schedule one wake-up, no sooner than the
     * min-interval after the last, unless one is pending. Never blocks.
     */
    public void signal(String operationId) {
        OperationWaiters group = waiting.get(operationId);
        if (group != null && group.wakePending.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> wake(operationId), group.delayOfNextWake(minInterval()), TimeUnit.NANOSECONDS);
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
        OperationWaiters group = waiting.get(operationId);
        if (group == null) {
            return;
        }
        long early = group.delayOfNextWake(minInterval());
        if (early > 0) {
            // the last answers went out less than the min-interval ago (a slow refresh, say): not yet
            timer.schedule(() -> wake(operationId), early, TimeUnit.NANOSECONDS);
            return;
        }
        group.wakePending.set(false);
        if (group.waiters.isEmpty()) {
            return;
        }
        try {
            group.answer(operations.refreshForWaiters(operationId));
        } catch (RuntimeException e) {
            group.failAll(operationId, e);
        }
        removeIfIdle(operationId);
        if (!group.local && !group.waiters.isEmpty()) {
            watchHost(operationId, group);
        }
    }

    /**
     * Remote long-poll: at most one open host long-poll per operation however many clients wait;
     * the record its answer makes answers them, and the next one opens (after the min-interval)
     * while some still wait. A host that fails opens none: the waiters are then answered at the end
     * of their own wait, and the failure is recorded by the source as any read's would be.
     *
     * @return whether a host long-poll is open for the operation (false: it is not followed on a host)
     */
    private boolean watchHost(String operationId, OperationWaiters group) {
        if (!group.hostCallOpen.compareAndSet(false, true)) {
            return true;
        }
        long early = group.delayOfNextWake(minInterval());
        if (early > 0) {
            // the last answers went out less than the min-interval ago: held open (no other opens one) until then
            timer.schedule(() -> {
                group.hostCallOpen.set(false);
                watchHost(operationId, group);
            }, early, TimeUnit.NANOSECONDS);
            return true;
        }
        CompletionStage<Optional<OperationInfo>> answer = hostSource(operationId)
                .map(source -> source.pullAfterChange(HOST_WAIT, timer)).orElse(null);
        if (answer == null) {
            group.hostCallOpen.set(false);
            return false;
        }
        answer.whenComplete((record, error) -> {
            group.hostCallOpen.set(false);
            if (error != null) {
                return;
            }
            try {
                group.answer(operations.settle(operationId, record));
            } catch (RuntimeException e) {
                group.failAll(operationId, e);
            }
            removeIfIdle(operationId);
            if (!group.waiters.isEmpty()) {
                timer.schedule(() -> watchHost(operationId, group), group.delayOfNextWake(minInterval()),
                        TimeUnit.NANOSECONDS);
            }
        });
        return true;
    }

    private void expire(String operationId, OperationWaiters.Waiter waiter) {
        // counted out before answered, so a client that got its answer never still counts as waiting
        OperationWaiters group = waiting.get(operationId);
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

    /**
     * Once nobody waits, stops watching the bridge; the group (its last wake-up time) is kept until
     * the min-interval has passed, so clients that ask again at once cannot wake it sooner.
     */
    private void removeIfIdle(String operationId) {
        OperationWaiters idle = waiting.computeIfPresent(operationId, (id, group) -> {
            if (!group.waiters.isEmpty()) {
                return group;
            }
            watchWrites(id, null);
            return group.delayOfNextWake(minInterval()) > 0 ? group : null;
        });
        if (idle != null && idle.waiters.isEmpty()) {
            timer.schedule(() -> removeIfIdle(operationId), idle.delayOfNextWake(minInterval()), TimeUnit.NANOSECONDS);
        }
    }

    /** Sets (or with null clears) the write listener of the operation's local bridge; false if it has none here. */
    private boolean watchWrites(String operationId, Runnable listener) {
        return sources.registered(operationId).map(source -> source.watchWrites(listener)).orElse(false);
    }

    /** The source of a running operation (a host one is attached from its metadata if need be). */
    private Optional<ProgressSource> hostSource(String operationId) {
        return store.find(operationId).filter(info -> info.status() == OperationStatus.RUNNING).flatMap(sources::of);
    }

    private Duration minInterval() {
        return settings.current().longPoll().minInterval();
    }

    /** Whether {@code info} is an answer for a client waiting past {@code sinceVersion}: newer, or finished. */
    public static boolean satisfies(OperationInfo info, long sinceVersion) {
        return info.version() > sinceVersion || info.status().isTerminal();
    }

    @PreDestroy
    public void shutdown() {
        timer.shutdownNow();
    }
}

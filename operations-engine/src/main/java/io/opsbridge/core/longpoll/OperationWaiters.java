package io.opsbridge.core.longpoll;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.monitoring.Monitoring;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** The clients long-polling one operation, and when they were last woken: {@link VersionWaiters}' state per operation. */
final class OperationWaiters {

    private static final Logger LOG = Logger.getLogger(OperationWaiters.class);

    final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    final AtomicBoolean wakePending = new AtomicBoolean();
    final AtomicBoolean hostCallOpen = new AtomicBoolean();
    /** The operation's bridge is in this process and carries the write listener. */
    volatile boolean local;
    /** When the waiters were last answered by a change ({@link System#nanoTime}); 0: never. */
    volatile long wokenAt;

    /** Nanoseconds until the next wake-up may run: none before {@code every} has passed since the last. */
    long delayOfNextWake(Duration every) {
        return wokenAt == 0 ? 0 : Math.max(0, wokenAt + every.toNanos() - System.nanoTime());
    }

    /** Answers every waiter {@code info} satisfies; counted out before answered, so none still counts as waiting. */
    void answer(OperationInfo info) {
        wokenAt = System.nanoTime();
        List<Waiter> answered = waiters.stream().filter(w -> VersionWaiters.satisfies(info, w.sinceVersion)).toList();
        waiters.removeAll(answered);
        answered.forEach(w -> w.answer.complete(info));
        Monitoring.monitor().waitersWoken(answered.size());
    }

    /** Ends every wait with {@code error} (the operation is gone, say). */
    void failAll(String operationId, RuntimeException error) {
        waiters.removeIf(w -> w.answer.completeExceptionally(error));
        LOG.debugf("long-poll of %s ended with %s", operationId, error.toString());
    }

    /** One waiting client: answered once the operation passes {@code sinceVersion}. */
    static final class Waiter {
        final long sinceVersion;
        final CompletableFuture<OperationInfo> answer = new CompletableFuture<>();

        Waiter(long sinceVersion) {
            this.sinceVersion = sinceVersion;
        }
    }
}

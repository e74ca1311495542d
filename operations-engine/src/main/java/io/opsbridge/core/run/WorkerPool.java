package io.opsbridge.core.run;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The worker threads of {@link OperationRunner}: a fixed-size pool that can be resized while it
 * runs, over a queue whose capacity is read at each submit. A full queue rejects the job
 * ({@link java.util.concurrent.RejectedExecutionException}); a smaller capacity never drops a job
 * already queued.
 */
final class WorkerPool extends ThreadPoolExecutor {

    WorkerPool(int threads, IntSupplier queueCapacity) {
        super(threads, threads, 0, TimeUnit.SECONDS, new CappedQueue(queueCapacity), new WorkerThreads(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Grows or shrinks the pool; a shrinking pool lets busy workers finish their jobs first. */
    synchronized void resize(int threads) {
        if (threads > getMaximumPoolSize()) {
            setMaximumPoolSize(threads);
            setCorePoolSize(threads);
        } else if (threads < getMaximumPoolSize()) {
            setCorePoolSize(threads);
            setMaximumPoolSize(threads);
        }
    }

    /** Accepts a job only while fewer than the current capacity wait. */
    private static final class CappedQueue extends LinkedBlockingQueue<Runnable> {
        private final transient IntSupplier capacity;

        CappedQueue(IntSupplier capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized boolean offer(Runnable task) {
            return size() < capacity.getAsInt() && super.offer(task);
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "opsbridge-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

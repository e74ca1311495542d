package io.opsbridge.core.service;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The executor of a caller that blocks anyway (a worker thread, a test): the blocking parts of a
 * read it joins run on its own thread, while it waits, so a blocking read holds one thread, never
 * two, and cannot starve a pool it waits on. One per thread, reused: joining a stage that is
 * already complete (a cache hit) allocates nothing.
 */
final class JoiningThread implements Executor {

    private static final ThreadLocal<JoiningThread> OF_THREAD = ThreadLocal.withInitial(JoiningThread::new);
    private static final Runnable WAKE_UP = () -> { };

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    private JoiningThread() {
    }

    /** This thread's executor; only this thread may {@link #join} with it. */
    static JoiningThread current() {
        return OF_THREAD.get();
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** The stage's value, running its tasks here until it completes; its failure rethrown as it is. */
    <T> T join(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (!future.isDone()) {
            future.whenComplete((value, error) -> tasks.add(WAKE_UP));
            runUntilDone(future);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void runUntilDone(CompletableFuture<?> future) {
        boolean interrupted = false;
        while (!future.isDone()) {
            try {
                tasks.take().run();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

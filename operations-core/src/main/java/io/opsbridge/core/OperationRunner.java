package io.opsbridge.core;

import io.opsbridge.core.settings.OperationsConfig;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.ProgressBridge;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs in-process jobs on a bounded pool of worker threads and records how each one ends.
 *
 * <p>A job is a plain function of its bridge that returns the result summary. It reports through
 * the bridge; if the operation is cancelled, its next bridge write throws
 * {@link OperationCancelledException} and the job simply ends.
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final OperationsService operations;
    private final ThreadPoolExecutor workers;

    @Inject
    public OperationRunner(OperationsService operations, OperationsConfig config) {
        this(operations, config.workerThreads(), config.queueCapacity());
    }

    public OperationRunner(OperationsService operations, int workerThreads, int queueCapacity) {
        this.operations = operations;
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new WorkerThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Registers the bridge and queues the job; the operation stays pending until a worker takes it.
     *
     * @throws CapacityExceededException if every worker is busy and the queue is full; the
     *     operation is then forgotten, so nothing half-made is left behind
     */
    public <B extends ProgressBridge> OperationInfo submit(OperationInfo created, B bridge,
            Function<B, Map<String, Object>> job) {
        String id = created.operationId();
        operations.registerBridge(id, bridge);
        try {
            workers.execute(() -> run(id, bridge, job));
        } catch (RejectedExecutionException e) {
            operations.discard(id);
            throw new CapacityExceededException("all " + workers.getMaximumPoolSize() + " workers are busy and "
                    + workers.getQueue().size() + " jobs are waiting; try again later");
        }
        return created;
    }

    private <B extends ProgressBridge> void run(String id, B bridge, Function<B, Map<String, Object>> job) {
        if (!operations.tryStart(id)) {
            return;
        }
        try {
            Map<String, Object> result = job.apply(bridge);
            operations.complete(id, result);
        } catch (OperationCancelledException e) {
            LOG.infof("operation %s stopped after cancellation", id);
        } catch (IllegalTransitionException e) {
            // cancelled between the job's last write and its completion: cancelled stays final
            LOG.infof("operation %s finished but was already %s", id, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "operation %s failed", id);
            failQuietly(id, describe(e));
        }
    }

    private void failQuietly(String id, String message) {
        try {
            operations.fail(id, message);
        } catch (IllegalTransitionException e) {
            LOG.debugf("operation %s: failure not recorded, %s", id, e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
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

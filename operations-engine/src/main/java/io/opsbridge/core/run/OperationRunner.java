package io.opsbridge.core.run;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.DeterministicFailure;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.logs.Causes;
import io.opsbridge.core.logs.JobLog;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.settings.OperationsConfig;
import io.opsbridge.core.settings.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs in-process jobs on a bounded pool of worker threads and records how each one ends.
 *
 * <p>A job is a plain function of its bridge that returns the result summary. It reports through
 * the bridge; if the operation is cancelled, its next bridge write throws
 * {@link OperationCancelledException} and the job simply ends. The pool follows
 * {@code opsbridge.operations.worker-threads} and {@code queue-capacity} of the current settings.
 *
 * <p>Each job runs with its operation's log bound to the thread ({@link JobLog}, and the operation
 * id in the logging MDC); the log says when the job starts and how it ended (a failure with its
 * causes), and is stored to its last line before the operation's status changes.
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final OperationLifecycle lifecycle;
    private final ProgressSources sources;
    private final WorkerPool workers;
    private final Settings settings;
    private final OperationLogs logs;

    public OperationRunner(OperationLifecycle lifecycle, ProgressSources sources, Settings settings, OperationLogs logs) {
        this.lifecycle = lifecycle;
        this.sources = sources;
        this.settings = settings;
        this.logs = logs;
        OperationsConfig initial = settings.current().operations();
        this.workers = new WorkerPool(initial.workerThreads(), () -> settings.current().operations().queueCapacity());
        settings.observe((previous, current, diff) -> workers.resize(current.operations().workerThreads()));
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
        // a resumed attempt's metrics and log lines continue after what the earlier attempts stored
        boolean resumed = created.attempts().count() > 1;
        sources.registerLocal(id, bridge, resumed);
        OperationLog log = logs.open(id, resumed);
        try {
            String note = resumed ? created.attempts().resumedNote() + "; the previous attempt ended: "
                    + created.attempts().current().previousEnded() : null;
            workers.execute(() -> run(log, bridge, job, note));
        } catch (RejectedExecutionException e) {
            logs.close(id);
            if (resumed) {
                sources.remove(id); // the resume fails it, saying why: a record with attempts is never forgotten
            } else {
                lifecycle.discard(id);
            }
            Monitoring.monitor().capacityRejected(created);
            throw new CapacityExceededException("all " + workers.getMaximumPoolSize() + " workers are busy and "
                    + workers.getQueue().size() + " jobs are waiting; try again later");
        }
        return created;
    }

    private <B extends ProgressBridge> void run(OperationLog log, B bridge, Function<B, Map<String, Object>> job,
            String resumedNote) {
        String id = log.operationId();
        if (!lifecycle.tryStart(id)) {
            logs.close(log);
            sources.remove(id); // cancelled while it waited (or during its resume): nothing of it stays here
            return;
        }
        JobLog.bind(log);
        try {
            if (resumedNote != null) {
                log.warn(resumedNote);
            }
            log.info("started on " + Thread.currentThread().getName());
            Map<String, Object> result = job.apply(bridge);
            log.info("completed");
            logs.close(log);
            lifecycle.complete(id, result);
        } catch (OperationCancelledException e) {
            log.warn("stopped: cancelled");
            LOG.infof("operation %s stopped after cancellation", id);
        } catch (IllegalTransitionException e) {
            // cancelled between the job's last write and its completion: cancelled stays final
            LOG.infof("operation %s finished but was already %s", id, e.getMessage());
        } catch (RuntimeException | Error e) {
            JobLog.unbind(); // the failure is written once, as its causes, not again by the logger below
            log.error("failed: " + Causes.of(e));
            logs.close(log);
            LOG.errorf(e, "operation %s failed", id);
            failQuietly(id, describe(e), DeterministicFailure.isIn(e));
        } finally {
            JobLog.unbind();
            logs.close(log);
        }
    }

    private void failQuietly(String id, String message, boolean repeats) {
        try {
            lifecycle.fail(id, message, repeats);
        } catch (IllegalTransitionException e) {
            LOG.debugf("operation %s: failure not recorded, %s", id, e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** How busy the workers are now: running jobs, waiting jobs, and the limits of each. */
    public Capacity capacity() {
        return new Capacity(workers.getActiveCount(), workers.getMaximumPoolSize(), workers.getQueue().size(),
                settings.current().operations().queueCapacity());
    }

    /** A moment's view of the worker pool; {@code full} when a new job would be refused (503). */
    public record Capacity(int running, int threads, int queued, int queueCapacity) {
        public boolean full() {
            return running >= threads && queued >= queueCapacity;
        }
    }

    @PreDestroy
    public void shutdown() {
        workers.shutdownNow();
    }
}

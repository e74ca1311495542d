package io.opsbridge.core.logs;

import io.opsbridge.api.LogLine;
import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The logs of the operations this process runs, and their write-behind: each log is saved to the
 * store at most once per {@code opsbridge.store.progress-persist-interval} (the progress's rule), on
 * one saver thread, and once more when the operation ends ({@link #close}), before its status
 * changes. The first line written after a save schedules the next save, so a kill -9 loses at most
 * one interval of lines and an idle log costs nothing. The worker never saves, never waits.
 *
 * <pre>{@code
 * OperationLog log = logs.open(id);   // before the job starts
 * log.info("epoch 1/3: loss 0.69");   // the worker, any number of times
 * logs.close(id);                     // after it ended: the rest is stored
 * }</pre>
 */
public final class OperationLogs implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OperationLogs.class);

    private final OperationStore store;
    private final Settings settings;
    private final Map<String, Saved> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-log-save");
        thread.setDaemon(true);
        return thread;
    });

    public OperationLogs(OperationStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Opens the log of an operation about to run here, at the size in force now. */
    public OperationLog open(String operationId) {
        return open(operationId, false);
    }

    /** {@link #open(String)}; {@code continues}: a new attempt, whose lines follow those stored before. */
    public OperationLog open(String operationId, boolean continues) {
        OperationLog log = new OperationLog(operationId, settings.current().store().logMaxLines(), this::schedule,
                continues ? store.logEnd(operationId) : 0);
        open.put(operationId, new Saved(log));
        return log;
    }

    /** The log of an operation that runs here, or null. */
    public OperationLog find(String operationId) {
        Saved saved = open.get(operationId);
        return saved == null ? null : saved.log;
    }

    /** Stores what the log of an ended operation still holds and forgets it. */
    public void close(String operationId) {
        Saved saved = open.get(operationId);
        if (saved != null) {
            save(saved);
            open.remove(operationId, saved);
        }
    }

    /**
     * {@link #close(String)} of this very log: never a later attempt's, opened under the same id once the
     * status change that ended this one let a resume start it.
     */
    public void close(OperationLog log) {
        Saved saved = open.get(log.operationId());
        if (saved != null && saved.log == log) {
            save(saved);
            open.remove(log.operationId(), saved);
        }
    }

    /** At shutdown: every open log is stored as far as it got. */
    @Override
    public void close() {
        saver.shutdownNow();
        open.values().forEach(this::save);
    }

    /** Runs on the writer's thread: only schedules, no sooner than one interval after the last save. */
    private void schedule(OperationLog log) {
        Saved saved = open.get(log.operationId());
        if (saved == null) {
            return; // closed: close() stored it
        }
        long every = settings.current().store().progressPersistInterval().toMillis();
        long wait = Math.max(0, saved.savedAtMillis + every - System.currentTimeMillis());
        try {
            saver.schedule(() -> save(saved), wait, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: close() stores what is left
        }
    }

    private void save(Saved saved) {
        synchronized (saved) {
            List<LogLine> lines = saved.log.unsaved();
            if (lines.isEmpty()) {
                return;
            }
            try {
                store.appendLog(saved.log.operationId(), lines, settings.current().store().logMaxLines());
                saved.log.saved(lines.get(lines.size() - 1).seq() + 1);
            } catch (RuntimeException e) {
                // kept in the ring: the next line written schedules the next try
                LOG.warnf("log of operation %s not saved (%d lines wait): %s", saved.log.operationId(), lines.size(),
                        e.getMessage());
            }
            saved.savedAtMillis = System.currentTimeMillis();
        }
    }

    /** A log and when it was last saved (guarded by itself while saving). */
    private static final class Saved {
        private final OperationLog log;
        private volatile long savedAtMillis = System.currentTimeMillis();

        Saved(OperationLog log) {
            this.log = log;
        }
    }
}

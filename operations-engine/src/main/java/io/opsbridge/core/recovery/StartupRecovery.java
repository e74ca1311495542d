package io.opsbridge.core.recovery;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.LogLevel;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * At startup, deals with the local operations this node left pending or running when it stopped:
 * their bridge and worker died with the old process, so nobody would ever finish them. A running
 * training resumes from its last checkpoint as a new attempt, and a pending one (accepted, never
 * started) is started as its first ({@link OperationResumes}, with {@code opsbridge.training.resume=on}
 * and attempts left); every other one fails. Remote operations
 * are left alone; their mapping lets the proxy follow them on. The log of each says what happened,
 * after the lines saved before the stop.
 */
@ApplicationScoped
public class StartupRecovery {

    /** The {@code error_message} of an operation interrupted by a restart. */
    public static final String INTERRUPTED = "interrupted: process restarted";

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);

    private final OperationStore store;
    private final OperationLifecycle lifecycle;
    private final OperationResumes resumes;
    private final Settings settings;

    public StartupRecovery(OperationStore store, OperationLifecycle lifecycle, OperationResumes resumes,
            Settings settings) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.resumes = resumes;
        this.settings = settings;
    }

    // after the runtime settings file was read at startup (the resume settings), and after the node-id check
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        recover();
    }

    /** Resumes or fails every interrupted local operation of this node; returns how many it failed. */
    public int recover() {
        int failed = 0;
        for (OperationInfo op : store.unfinishedLocal()) {
            Optional<OperationInfo> resumed = op.status() == OperationStatus.PENDING ? resumes.startPending(op)
                    : resumes.resumeInterrupted(op, INTERRUPTED);
            if (resumed.isPresent()) {
                continue;
            }
            String why = op.attempts().count() >= resumes.maxAttempts(op) && op.attempts().count() > 1
                    ? INTERRUPTED + " (attempt " + op.attempts().count() + " of at most " + resumes.maxAttempts(op) + ")"
                    : INTERRUPTED;
            if (lifecycle.failInterrupted(op.operationId(), why)) {
                endLog(op.operationId(), LogLevel.ERROR, "failed: " + why);
                failed++;
            }
        }
        return failed;
    }

    /** A line after the stored ones of an operation's log (its worker is gone: nobody else writes it now). */
    private void endLog(String operationId, LogLevel level, String line) {
        try {
            store.appendLog(operationId, List.of(new LogLine(store.logEnd(operationId), Instant.now(),
                    level.wireName(), line)), settings.current().store().logMaxLines());
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: its log does not say it was interrupted (%s)", operationId, e.getMessage());
        }
    }
}

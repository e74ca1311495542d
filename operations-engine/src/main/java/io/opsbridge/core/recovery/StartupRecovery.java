package io.opsbridge.core.recovery;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.bridge.LogLevel;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At startup, fails the local operations this node left pending or running when it stopped: their
 * bridge and worker died with the old process, so nobody would ever finish them. Remote operations
 * are left alone; their mapping lets the proxy follow them on. The log of each ends with why, after
 * the lines saved before the stop.
 */
@ApplicationScoped
public class StartupRecovery {

    /** The {@code error_message} of an operation interrupted by a restart. */
    public static final String INTERRUPTED = "interrupted: process restarted";

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);

    private final OperationStore store;
    private final OperationLifecycle lifecycle;
    private final Settings settings;

    public StartupRecovery(OperationStore store, OperationLifecycle lifecycle, Settings settings) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /** Fails every interrupted local operation of this node; returns how many. */
    public int recover() {
        int failed = 0;
        for (OperationInfo op : store.unfinishedLocal()) {
            if (lifecycle.failInterrupted(op.operationId(), INTERRUPTED)) {
                endLog(op.operationId());
                failed++;
            }
        }
        return failed;
    }

    private void endLog(String operationId) {
        try {
            store.appendLog(operationId, List.of(new LogLine(store.logEnd(operationId), Instant.now(),
                    LogLevel.ERROR.wireName(), "failed: " + INTERRUPTED)), settings.current().store().logMaxLines());
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: its log does not say it was interrupted (%s)", operationId, e.getMessage());
        }
    }
}

package io.opsbridge.core.recovery;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At startup, fails the local operations this node left pending or running when it stopped: their
 * bridge and worker died with the old process, so nobody would ever finish them. Remote operations
 * are left alone; their mapping lets the proxy follow them on.
 */
@ApplicationScoped
public class StartupRecovery {

    /** The {@code error_message} of an operation interrupted by a restart. */
    public static final String INTERRUPTED = "interrupted: process restarted";

    private final OperationStore store;
    private final OperationLifecycle lifecycle;

    public StartupRecovery(OperationStore store, OperationLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /** Fails every interrupted local operation of this node; returns how many. */
    public int recover() {
        int failed = 0;
        for (OperationInfo op : store.unfinishedLocal()) {
            if (lifecycle.failInterrupted(op.operationId(), INTERRUPTED)) {
                failed++;
            }
        }
        return failed;
    }
}

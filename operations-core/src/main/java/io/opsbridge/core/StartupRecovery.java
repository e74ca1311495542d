package io.opsbridge.core;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * At startup, fails the local operations this node left pending or running when it stopped: their
 * bridge and worker died with the old process, so nobody would ever finish them. Remote operations
 * are left alone; their mapping lets the proxy follow them on.
 */
@ApplicationScoped
public class StartupRecovery {

    /** The {@code error_message} of an operation interrupted by a restart. */
    public static final String INTERRUPTED = "interrupted: process restarted";

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);

    private final OperationStore store;
    private final Clock clock;

    @Inject
    public StartupRecovery(OperationStore store) {
        this(store, Clock.systemUTC());
    }

    StartupRecovery(OperationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /** Fails every interrupted local operation of this node; returns how many. */
    public int recover() {
        Instant now = clock.instant();
        int failed = 0;
        for (OperationInfo op : store.unfinishedLocal()) {
            OperationInfo after = store.update(op.operationId(), current -> current.status().canMoveTo(OperationStatus.FAILED)
                    ? current.withStatus(OperationStatus.FAILED, now).withError(INTERRUPTED)
                    : current).orElse(op);
            if (after.status() == OperationStatus.FAILED && INTERRUPTED.equals(after.errorMessage())) {
                failed++;
                LOG.warnf("operation %s was %s when the process stopped: now failed (%s)", op.operationId(),
                        op.status().wireName(), INTERRUPTED);
            }
        }
        return failed;
    }
}

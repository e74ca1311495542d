package io.opsbridge.server.audit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Records audit entries off the request thread (an answer never waits for, or fails because of,
 * the audit table) in arrival order, on one thread; a failed write is logged, not thrown.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final AuditLog log;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opsbridge-audit");
        t.setDaemon(true);
        return t;
    });

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    public void record(AuditEntry entry) {
        try {
            writer.execute(() -> {
                try {
                    log.append(entry);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "audit entry not written: %s %s by %s", entry.action(), entry.outcome(), entry.actor());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.warnf("audit entry dropped at shutdown: %s by %s", entry.action(), entry.actor());
        }
    }

    public List<AuditEntry> find(AuditQuery query) {
        return log.find(query);
    }

    @PreDestroy
    void close() {
        writer.shutdown();
    }
}

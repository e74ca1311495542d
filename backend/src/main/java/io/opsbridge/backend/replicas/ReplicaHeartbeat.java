package io.opsbridge.backend.replicas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.reload.PeriodicCheck;
import io.opsbridge.backend.reload.broadcast.ServedChanged;
import io.opsbridge.core.proxy.HostTimeouts;
import io.opsbridge.core.proxy.RestClients;
import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.NodeIdGuard;
import io.opsbridge.core.replicas.ReplicaApi;
import io.opsbridge.core.replicas.ReplicaConfig;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * This replica in the {@code replicas} table: at startup, before anything else, it checks that no
 * other live process has its node id ({@link NodeIdGuard}) and records this start; then the
 * {@code replica-heartbeat} timer renews its liveness stamp and what it serves every
 * {@code opsbridge.replica.heartbeat-interval} (at once after a change); on SIGTERM it is marked
 * stopping, so the others do not wait out the stall limits for its operations.
 */
@ApplicationScoped
public class ReplicaHeartbeat {

    private static final Logger LOG = Logger.getLogger(ReplicaHeartbeat.class);
    private static final HostTimeouts PROBE = new HostTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final ReplicaIdentity me;
    private final JdbcReplicaStore store;
    private final ReplicaConfig config;
    private final ServedState served;
    private final ModelRegistry registry;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private volatile PeriodicCheck timer;
    private volatile boolean takenOver;

    public ReplicaHeartbeat(ReplicaIdentity me, JdbcReplicaStore store, ReplicaConfig config, ServedState served,
            ModelRegistry registry, ObjectMapper json) {
        this.me = me;
        this.store = store;
        this.config = config;
        this.served = served;
        this.registry = registry;
        this.json = json;
    }

    // first of all: a second process with a live replica's node id must not recover (fail) that replica's operations
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        NodeIdGuard.check(me, store, ReplicaHeartbeat::whoAnswers);
        store.register(me, clock.instant());
        timer = new PeriodicCheck("replica-heartbeat", config.heartbeatInterval(), this::beat);
        timer.start();
        registry.onActivation(activated -> changed(new ServedChanged("model activated")));
    }

    // last of all: what this replica serves once every part has started
    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        changed(new ServedChanged("started"));
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicCheck running = timer;
        if (running == null) {
            return;
        }
        running.close();
        try {
            store.markStopping(me, clock.instant());
            LOG.infof("replica %s marked stopping", me.nodeId());
        } catch (RuntimeException e) {
            LOG.warnf("replica %s: could not mark itself stopping (%s)", me.nodeId(), e.getMessage());
        }
    }

    /** Something this replica serves changed: record it now, on the timer's thread. */
    void changed(@Observes ServedChanged event) {
        PeriodicCheck running = timer;
        if (running != null) {
            running.runSoon();
        }
    }

    private void beat() {
        String state;
        try {
            state = json.writeValueAsString(served.now());
        } catch (JsonProcessingException e) {
            state = null;
        }
        boolean mine = store.heartbeat(me, clock.instant(), state);
        if (!mine && !takenOver) {
            takenOver = true;
            LOG.errorf("replica %s: the node id is now recorded for another instance; this one (%s) no longer renews it",
                    me.nodeId(), me.instanceId());
        }
    }

    private static Optional<ReplicaApi.Answer> whoAnswers(String url) {
        try {
            return Optional.ofNullable(RestClients.build(ReplicaApi.class, url, PROBE).whoAreYou());
        } catch (RuntimeException e) {
            LOG.debugf("nothing answers at %s: %s", url, e.getMessage());
            return Optional.empty();
        }
    }
}

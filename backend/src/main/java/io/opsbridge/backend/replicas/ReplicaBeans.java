package io.opsbridge.backend.replicas;

import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.ReplicaConfig;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.replicas.ReplicaSources;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.StoreConfig;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.server.security.CurrentCaller;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** This replica's identity (one per start) and the table of replicas, in the operations' database. */
@ApplicationScoped
public class ReplicaBeans {

    private static final Logger LOG = Logger.getLogger(ReplicaBeans.class);

    @Produces
    @Singleton
    ReplicaIdentity identity(StoreConfig store, ReplicaConfig replica,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        ReplicaIdentity me = ReplicaIdentity.of(store.nodeId(), replica.advertisedUrl(), port);
        LOG.infof("replica %s, instance %s, advertised at %s", me.nodeId(), me.instanceId(), me.advertisedUrl());
        return me;
    }

    @Produces
    @Singleton
    JdbcReplicaStore replicaStore(DataSource selected) {
        return new JdbcReplicaStore(selected);
    }

    /** Running local operations of other replicas are read, and cancelled, through their owners. */
    void followOwners(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event,
            ProgressSources sources, ReplicaIdentity me, JdbcReplicaStore replicas, OperationStore store,
            Settings settings, ReplicaConfig config, CurrentCaller caller) {
        sources.addKind(new ReplicaSources(me, replicas, store, settings, Clock.systemUTC(), config.clusterToken(),
                caller::name, sources::remove));
        // said only where it matters: another replica has used this database
        if (config.clusterToken().filter(t -> !t.isBlank()).isEmpty()
                && replicas.all().stream().anyMatch(r -> !r.nodeId().equals(me.nodeId()))) {
            LOG.warnf("no opsbridge.replica.cluster-token: reads and cancels of other replicas' operations are"
                    + " answered from the database here, not forwarded to their owners");
        }
    }
}

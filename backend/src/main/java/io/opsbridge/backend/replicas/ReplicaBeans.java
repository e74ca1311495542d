package io.opsbridge.backend.replicas;

import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.ReplicaConfig;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.settings.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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
}

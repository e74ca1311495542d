package io.opsbridge.backend.operations;

import io.agroal.api.AgroalDataSource;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.settings.StoreConfig;
import io.opsbridge.core.store.IdempotencyKeyStore;
import io.opsbridge.core.store.JdbcIdempotencyKeyStore;
import io.opsbridge.core.store.JdbcOperationStore;
import io.opsbridge.core.store.JdbcRemoteMappingStore;
import io.opsbridge.core.store.RemoteMappingStore;
import io.opsbridge.server.audit.AuditLog;
import io.opsbridge.server.audit.JdbcAuditLog;
import io.opsbridge.server.security.ApiTokenStore;
import io.opsbridge.server.security.JdbcApiTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Puts the backend's operations in the database chosen at startup by {@code opsbridge.store.kind}.
 *
 * <p>Both datasources ({@code h2} and {@code postgresql}) are built into the application; the kind
 * activates exactly one of them at runtime ({@code quarkus.datasource."name".active}, see
 * application.properties), and Flyway migrates only the active one. Switching needs no rebuild.
 */
@ApplicationScoped
public class StoreBeans {

    private static final Logger LOG = Logger.getLogger(StoreBeans.class);
    private static final Set<String> KINDS = Set.of("h2", "postgresql");

    @Produces
    @Singleton
    JdbcOperationStore operationStore(StoreConfig config, DataSource selected, ReplicaIdentity me) {
        LOG.infof("operation store: %s database, node id '%s'", config.kind(), me.nodeId());
        return new JdbcOperationStore(selected, me.nodeId());
    }

    /** The database {@code opsbridge.store.kind} selects: every table below, and the model registry, live in it. */
    @Produces
    @Singleton
    DataSource selectedDataSource(StoreConfig config, @Any Instance<AgroalDataSource> dataSources) {
        if (!KINDS.contains(config.kind())) {
            throw new IllegalStateException("opsbridge.store.kind must be one of " + KINDS + ", was '" + config.kind() + "'");
        }
        return dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(config.kind())).get();
    }

    @Produces
    @Singleton
    RemoteMappingStore remoteMappingStore(DataSource selected) {
        return new JdbcRemoteMappingStore(selected);
    }

    /** Idempotency-Key claims, in the same database (table {@code idempotency_keys}): shared by replicas, kept across restarts. */
    @Produces
    @Singleton
    IdempotencyKeyStore idempotencyKeyStore(DataSource selected) {
        return new JdbcIdempotencyKeyStore(selected);
    }

    /** Bearer token hashes, in the same database (table {@code api_tokens}). */
    @Produces
    @Singleton
    ApiTokenStore apiTokenStore(DataSource selected) {
        return new JdbcApiTokenStore(selected);
    }

    /** The audit trail, in the same database (table {@code audit_log}). */
    @Produces
    @Singleton
    AuditLog auditLog(DataSource selected) {
        return new JdbcAuditLog(selected);
    }

}

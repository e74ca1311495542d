package io.opsbridge.server.hosts;

import io.opsbridge.core.store.JdbcOperationStore;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A worker host keeps its operations in its own H2 file (under {@code opsbridge.data-dir}), so what it
 * ran survives its restart: a training that finished while nobody read it still answers with its
 * outcome and result afterwards, and the startup recovery fails one a crash interrupted instead of
 * leaving it running. The same store and Flyway migrations as the backend's, on the host's one
 * (default) datasource; the backend, whose datasources are named, never builds this bean.
 */
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class HostStoreBeans {

    /**
     * Every record of this store is the host's own (nobody shares its file), so the owner is a
     * constant: a host that comes back under another name still recovers what it left running.
     */
    static final String OWNER = "host";

    private static final Logger LOG = Logger.getLogger(HostStoreBeans.class);

    @Produces
    @Singleton
    JdbcOperationStore operationStore(DataSource dataSource) {
        LOG.info("operation store: this host's H2 file (opsbridge.data-dir)");
        return new JdbcOperationStore(dataSource, OWNER);
    }
}

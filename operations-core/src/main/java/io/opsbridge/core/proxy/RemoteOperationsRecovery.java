package io.opsbridge.core.proxy;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationsService;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At startup, follows again every recorded operation that is still running on a host: its metadata
 * ({@code mode=host}, {@code host_service_url}, {@code host_operation_id}) is the id mapping. With a
 * durable store this makes a restarted backend pick up where it was; once, never on a timer.
 * It also gives the {@link OperationsService} its proxies, so a host operation that another replica
 * started is attached when a client first asks for it here.
 */
@ApplicationScoped
public class RemoteOperationsRecovery {

    private static final Logger LOG = Logger.getLogger(RemoteOperationsRecovery.class);

    private final OperationStore store;
    private final OperationsService operations;
    private final OperationServiceProxies proxies;

    public RemoteOperationsRecovery(OperationStore store, OperationsService operations, OperationServiceProxies proxies) {
        this.store = store;
        this.operations = operations;
        this.proxies = proxies;
        // any replica answers for any host operation: one started elsewhere is attached on first query
        operations.followHostsThrough(proxies::forHost);
    }

    void onStart(@Observes StartupEvent event) {
        int count = reattach();
        if (count > 0) {
            LOG.infof("following %d running host operations again", count);
        }
    }

    /** Registers a proxy for every running host operation in the store; returns how many. */
    public int reattach() {
        int count = 0;
        int offset = 0;
        OperationList page;
        do {
            page = store.list(new OperationQuery(OperationStatus.RUNNING, null, OperationQuery.MAX_LIMIT, offset));
            for (OperationInfo op : page.operations()) {
                OperationMetadata m = op.metadata();
                if (m != null && "host".equals(m.mode()) && m.hostServiceUrl() != null && m.hostOperationId() != null) {
                    operations.registerRemoteProxy(op.operationId(), proxies.forHost(m.hostServiceUrl()),
                            m.hostOperationId());
                    count++;
                }
            }
            offset += page.operations().size();
        } while (!page.operations().isEmpty() && offset < page.total());
        return count;
    }
}

package io.opsbridge.core.recovery;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At startup, follows again every recorded operation that is still running on a host: its metadata
 * ({@code mode=host}, {@code host_service_url}, {@code host_operation_id}) is the id mapping. With a
 * durable store this makes a restarted backend pick up where it was; once, never on a timer.
 * (A host operation that another replica started is attached by {@link ProgressSources} when a
 * client first asks for it here.)
 */
@ApplicationScoped
public class RemoteOperationsRecovery {

    private static final Logger LOG = Logger.getLogger(RemoteOperationsRecovery.class);

    private final OperationStore store;
    private final ProgressSources sources;

    public RemoteOperationsRecovery(OperationStore store, ProgressSources sources) {
        this.store = store;
        this.sources = sources;
    }

    void onStart(@Observes StartupEvent event) {
        int count = reattach();
        if (count > 0) {
            LOG.infof("following %d running host operations again", count);
        }
    }

    /** Follows again every running host operation in the store; returns how many. */
    public int reattach() {
        int count = 0;
        int offset = 0;
        OperationList page;
        do {
            page = store.list(new OperationQuery(OperationStatus.RUNNING, null, OperationQuery.MAX_LIMIT, offset));
            for (OperationInfo op : page.operations()) {
                OperationMetadata m = op.metadata();
                if (m != null && "host".equals(m.mode()) && m.hostServiceUrl() != null && m.hostOperationId() != null) {
                    sources.registerHost(op.operationId(), m.hostServiceUrl(), m.hostOperationId());
                    count++;
                }
            }
            offset += page.operations().size();
        } while (!page.operations().isEmpty() && offset < page.total());
        return count;
    }
}

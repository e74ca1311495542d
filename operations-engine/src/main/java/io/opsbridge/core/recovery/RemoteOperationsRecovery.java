package io.opsbridge.core.recovery;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At startup, follows again every recorded operation that is still running elsewhere (on a host:
 * its metadata is the id mapping), as the {@link ProgressSources}' kinds recognise it. With a durable
 * store this makes a restarted backend pick up where it was; once, never on a timer. (An operation
 * that another replica started is attached when a client first asks for it here.)
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
            LOG.infof("following %d running operations elsewhere again", count);
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
                if (sources.follow(op)) {
                    count++;
                }
            }
            offset += page.operations().size();
        } while (!page.operations().isEmpty() && offset < page.total());
        return count;
    }
}

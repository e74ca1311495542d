package io.opsbridge.core.follow;

import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Stores a host operation's metrics exactly once across replicas (and restarts), through
 * {@link RemoteMappingStore#appendHostMetrics}: a compare-and-set on the host cursor kept in the
 * database. Used under its {@link HostProgressSource}'s lock.
 */
final class HostMetricsCopy {

    private static final Logger LOG = Logger.getLogger(HostMetricsCopy.class);

    private final String operationId;
    private final RemoteMappingStore mappings;
    private int cursor;

    HostMetricsCopy(String operationId, int cursor, RemoteMappingStore mappings) {
        this.operationId = operationId;
        this.cursor = cursor;
        this.mappings = mappings;
    }

    /** The host cursor to fetch the next page from. */
    int cursor() {
        return cursor;
    }

    /**
     * Stores the page fetched from {@link #cursor()}: when another follower moved the cursor
     * meanwhile, only the part after its cursor is stored (a tail it has not stored yet must not be
     * lost: the record may complete with this pull).
     *
     * @return the cursor after the page, i.e. how many host metrics are stored
     */
    int store(List<Map<String, Object>> metrics) {
        int from = cursor;
        int next = from + metrics.size();
        while (cursor < next) {
            if (mappings.appendHostMetrics(operationId, cursor, next, metrics.subList(cursor - from, metrics.size()))) {
                cursor = next;
                return cursor;
            }
            int stored = mappings.find(operationId).map(RemoteMapping::hostMetricsCursor).orElse(next);
            LOG.debugf("operation %s: host metrics up to %d stored by another follower (this one was at %d)",
                    operationId, stored, cursor);
            if (stored < from) {
                return cursor;
            }
            cursor = Math.max(cursor, stored);
        }
        return cursor;
    }
}

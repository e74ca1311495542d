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
    /** Volatile: a fetch reads it without the lock, to know which page to ask for. */
    private volatile int cursor;
    /**
     * The position after the operation's stored metrics as this copy last stored them (not the host
     * cursor: a host that took over a resumed training counts its metrics from 0).
     */
    private volatile int stored;

    HostMetricsCopy(String operationId, int cursor, int stored, RemoteMappingStore mappings) {
        this.operationId = operationId;
        this.cursor = cursor;
        this.stored = stored;
        this.mappings = mappings;
    }

    /** How many metrics the operation holds, as far as this copy knows. */
    int stored() {
        return stored;
    }

    /** The host cursor to fetch the next page from. */
    int cursor() {
        return cursor;
    }

    /**
     * Stores the page fetched from {@code from}: only the part after the cursor (another pull, or
     * another follower, may have moved it since the fetch; a tail not stored yet must not be lost:
     * the record may complete with this pull). A page that starts past the cursor would leave a
     * gap: nothing is stored, the next pull fetches from the cursor again.
     *
     * A host attempt that {@code startedOver} (trains from epoch 1 again: its checkpoint no longer fit
     * the data) replaces the operation's stored metrics with its first page (host cursor 0), once: the
     * compare-and-set lets one follower do it.
     *
     * @return the cursor after the page, i.e. how many host metrics are stored
     */
    int store(int from, List<Map<String, Object>> metrics, boolean startedOver) {
        int next = from + metrics.size();
        if (from > cursor) {
            return cursor;
        }
        while (cursor < next) {
            boolean replace = startedOver && cursor == 0;
            int end = mappings.appendHostMetrics(operationId, cursor, next, metrics.subList(cursor - from, metrics.size()),
                    replace);
            if (end >= 0) {
                stored = replace ? end : Math.max(stored, end);
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

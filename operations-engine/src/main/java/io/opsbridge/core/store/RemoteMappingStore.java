package io.opsbridge.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the mappings of remote operations live ({@code backend id -> host url, host id, metrics
 * cursor}). The proxy that follows a host operation reads and advances them; the operation record
 * itself stays in the {@link OperationStore}.
 */
public interface RemoteMappingStore {

    /** Records a new mapping; the operation must already be in the operation store. */
    void save(RemoteMapping mapping);

    Optional<RemoteMapping> find(String operationId);

    /**
     * Appends metrics copied from the host and moves the host cursor in one transaction, but only if
     * the cursor is still {@code expectedCursor}: a second replica (or a retry after a restart) that
     * copied the same page gets {@code -1} and nothing is stored twice. The metrics go after the
     * operation's stored ones; one naming an epoch at or before the last stored epoch is dropped (a
     * host that redid it, or a new host resuming from a checkpoint: each epoch is listed once).
     *
     * @return the position after the operation's stored metrics, or -1 if this call stored nothing
     */
    default int appendHostMetrics(String operationId, int expectedCursor, int newCursor,
            List<Map<String, Object>> metrics) {
        return appendHostMetrics(operationId, expectedCursor, newCursor, metrics, false);
    }

    /**
     * {@link #appendHostMetrics(String, int, int, List)}; with {@code replace}, the operation's stored
     * metrics are deleted first, in the same transaction: a host attempt that trains from epoch 1 again
     * (its checkpoint no longer fit the data) lists its own epochs, not the earlier attempts'.
     */
    int appendHostMetrics(String operationId, int expectedCursor, int newCursor, List<Map<String, Object>> metrics,
            boolean replace);

    /**
     * The operation now runs on {@code hostServiceUrl} as {@code hostOperationId} (a resume on another
     * host): the host cursor starts again at 0, the contact marks are cleared.
     */
    void moved(String operationId, String hostServiceUrl, String hostOperationId, Instant now);

    /** The host answered at {@code at}: clears {@code unreachable_since}. */
    void recordContact(String operationId, Instant at);

    /** The host did not answer at {@code at}; the first failure since the last answer is kept. */
    void recordUnreachable(String operationId, Instant at);
}

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
     * copied the same page gets {@code false} and nothing is stored twice.
     *
     * @return whether this call stored the metrics
     */
    boolean appendHostMetrics(String operationId, int expectedCursor, int newCursor, List<Map<String, Object>> metrics);

    /** The host answered at {@code at}: clears {@code unreachable_since}. */
    void recordContact(String operationId, Instant at);

    /** The host did not answer at {@code at}; the first failure since the last answer is kept. */
    void recordUnreachable(String operationId, Instant at);
}

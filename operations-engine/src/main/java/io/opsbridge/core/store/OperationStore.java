package io.opsbridge.core.store;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.OperationGoneException;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.bridge.LogPage;
import io.opsbridge.core.bridge.MetricsPage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where operation records and their metrics live. The service owns the rules; a store only keeps
 * what it is given, and applies {@link #update} atomically per operation.
 */
public interface OperationStore {

    void insert(OperationInfo operation);

    Optional<OperationInfo> find(String operationId);

    /**
     * The record of an operation that must exist.
     *
     * @throws OperationGoneException (410) for an id that retention deleted
     * @throws OperationNotFoundException (404) for one that never existed
     */
    default OperationInfo require(String operationId) {
        return find(operationId).orElseThrow(() -> wasDeleted(operationId) ? new OperationGoneException(operationId)
                : new OperationNotFoundException(operationId));
    }

    /**
     * Replaces the record with {@code change(current)} atomically; an exception thrown by
     * {@code change} leaves the record as it was and propagates.
     *
     * @return the new record, or empty if no operation has this id
     */
    Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change);

    /** The node id of this process: the owner of the local operations it creates and of the attempts it claims. */
    default String ownerNode() {
        return "local";
    }

    /**
     * The one conditional update that claims an operation's next attempt for this node: {@code change}
     * (which adds the attempt) is applied only while the operation is still at attempt
     * {@code expectedAttempt} and owned by {@code expectedOwner} (null: whoever owns it), and this node
     * becomes its owner, all in one step. Of two processes that claim the same attempt, one wins.
     *
     * @return the new record, or empty if no operation has this id
     * @throws IllegalTransitionException if another process claimed it first (or it is no longer at that attempt)
     */
    default Optional<OperationInfo> claimAttempt(String operationId, String expectedOwner, int expectedAttempt,
            UnaryOperator<OperationInfo> change) {
        return update(operationId, current -> {
            requireAttempt(current, expectedAttempt);
            return change.apply(current);
        });
    }

    /** @throws IllegalTransitionException unless {@code current} is at attempt {@code expected} */
    static void requireAttempt(OperationInfo current, int expected) {
        int now = Math.max(1, current.attempts().count());
        if (now != expected) {
            throw new IllegalTransitionException(current.operationId(), "is at attempt " + now + " already (claimed elsewhere)");
        }
    }

    /**
     * The position after the last stored metric and the {@code epoch} it names (null if none does):
     * where a new attempt's metrics continue, so an epoch done again after a checkpoint is stored once.
     */
    default MetricsEnd metricsEnd(String operationId) {
        MetricsPage all = metrics(operationId, 0);
        return MetricsEnd.of(all.newCursor(), all.metrics().isEmpty() ? null : all.metrics().get(all.metrics().size() - 1));
    }

    /** Forgets an operation and its metrics (used for a job that was never accepted). */
    void delete(String operationId);

    OperationList list(OperationQuery query);

    /**
     * Stores metrics in order at positions {@code firstSeq}, {@code firstSeq + 1}...: the caller's
     * cursor (how many it has stored), so no append looks for the highest stored position.
     */
    void appendMetrics(String operationId, int firstSeq, List<Map<String, Object>> metrics);

    /**
     * Forgets the stored metrics of an operation whose record stays: a new attempt that starts over
     * (its checkpoint no longer fits the data) stores every epoch again, from position 0.
     */
    void deleteMetrics(String operationId);

    /** The stored metrics after {@code cursor}, see {@link io.opsbridge.core.bridge.ProgressBridge#metrics}. */
    MetricsPage metrics(String operationId, int cursor);

    /**
     * Stores log lines at their own positions ({@link LogLine#seq}), in order, skipping any at or
     * before the last one stored (a host's lines copied by two replicas are stored once), and keeps
     * at most {@code keep} lines of the operation: the oldest go first.
     */
    void appendLog(String operationId, List<LogLine> lines, int keep);

    /** At most {@code max} stored log lines at and after {@code cursor}, with the count of dropped ones before. */
    LogPage log(String operationId, int cursor, int max);

    /** The position after the last stored log line: where a copy from a host continues (0 if none). */
    int logEnd(String operationId);

    /**
     * Pending or running operations of mode {@code local} that this process (node) created: after a
     * restart their bridges are gone, so startup recovery fails them. A store that keeps nothing
     * across restarts has nothing to recover.
     */
    default List<OperationInfo> unfinishedLocal() {
        return List.of();
    }

    /**
     * Retention: deletes finished operations that completed before {@code cutoff}, with their metrics,
     * logs and remote mappings, and keeps a tombstone of each so {@link #wasDeleted} can tell "expired".
     *
     * @return the ids of the deleted operations
     */
    default List<String> deleteFinishedBefore(Instant cutoff, Instant now) {
        return List.of();
    }

    /** Retention's dry run: how many operations {@link #deleteFinishedBefore} would delete now. */
    default int countFinishedBefore(Instant cutoff) {
        return 0;
    }

    /**
     * Retention: forgets the tombstones of operations deleted before {@code cutoff}
     * ({@code opsbridge.store.tombstone-ttl} ago); their ids answer 404 afterwards.
     *
     * @return how many tombstones were removed
     */
    default int deleteTombstonesBefore(Instant cutoff) {
        return 0;
    }

    /** Whether an operation with this id existed and was removed by retention (410, not 404). */
    default boolean wasDeleted(String operationId) {
        return false;
    }

    /**
     * How many operations there are of each type in each status (each built-in type and each type
     * stored, with every status, zeros included), for the operations gauges. Stores with an index
     * should answer with one grouped count; this default reads every operation.
     */
    default Map<OperationType, Map<OperationStatus, Long>> countByTypeAndStatus() {
        Map<OperationType, Map<OperationStatus, Long>> counts = zeroCounts();
        for (int offset = 0; ; offset += OperationQuery.MAX_LIMIT) {
            List<OperationInfo> page = list(new OperationQuery(null, null, OperationQuery.MAX_LIMIT, offset)).operations();
            for (OperationInfo op : page) {
                counts.computeIfAbsent(op.operationType(), type -> zeroByStatus()).merge(op.status(), 1L, Long::sum);
            }
            if (page.size() < OperationQuery.MAX_LIMIT) {
                return counts;
            }
        }
    }

    /** Every status of each built-in type at zero: what {@link #countByTypeAndStatus} starts from. */
    static Map<OperationType, Map<OperationStatus, Long>> zeroCounts() {
        Map<OperationType, Map<OperationStatus, Long>> counts = new LinkedHashMap<>();
        counts.put(OperationType.TRAINING, zeroByStatus());
        counts.put(OperationType.DATA_LOADING, zeroByStatus());
        return counts;
    }

    /** Every status at zero. */
    static Map<OperationStatus, Long> zeroByStatus() {
        Map<OperationStatus, Long> byStatus = new EnumMap<>(OperationStatus.class);
        for (OperationStatus status : OperationStatus.values()) {
            byStatus.put(status, 0L);
        }
        return byStatus;
    }
}

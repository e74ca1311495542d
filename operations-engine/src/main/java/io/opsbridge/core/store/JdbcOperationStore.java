package io.opsbridge.core.store;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.bridge.LogPage;
import io.opsbridge.core.bridge.MetricsPage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The durable store: operation records, their metrics and tombstones in any database the Flyway
 * migrations under {@code db/migration} run on (H2 and PostgreSQL are tested). Each call is one
 * transaction over the table classes beside it ({@link OperationsTable}, {@link OperationCountsTable},
 * {@link OperationMetricsTable}, {@link TombstonesTable}), which keeps the counts in step with the rows.
 *
 * <p>Every record remembers the node that created it ({@code owner_node}), so that after a restart
 * a node fails only its own interrupted local operations, never those of a replica that shares the
 * database.
 */
public class JdbcOperationStore implements OperationStore {

    private final Jdbc jdbc;
    private final String ownerNode;

    /**
     * @param dataSource a database migrated with this module's Flyway scripts
     * @param ownerNode  this process's stable node id ({@code opsbridge.operations.node-id})
     */
    public JdbcOperationStore(DataSource dataSource, String ownerNode) {
        this.jdbc = new Jdbc(dataSource);
        this.ownerNode = ownerNode;
    }

    @Override
    public void insert(OperationInfo operation) {
        // retried only when a concurrent writer took a key first (the count row of a new status and type)
        jdbc.retryingOnConflict(3, c -> {
            OperationsTable.insert(c, OperationRows.normalize(operation), ownerNode);
            OperationSymbolsTable.insert(c, OperationRows.normalize(operation));
            OperationCountsTable.add(c, operation.status(), operation.operationType(), 1);
            SearchCountsTable.insert(c, operation);
            return null;
        });
    }

    @Override
    public Optional<OperationInfo> find(String operationId) {
        return jdbc.inTransaction(c -> OperationsTable.select(c, operationId, false));
    }

    @Override
    public Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change) {
        return jdbc.inTransaction(c -> {
            Optional<OperationInfo> current = OperationsTable.select(c, operationId, true);
            if (current.isEmpty()) {
                return current;
            }
            OperationInfo next = OperationRows.normalize(change.apply(current.get()));
            if (!next.equals(current.get())) {
                OperationsTable.write(c, next);
                moveStatus(c, current.get(), next);
            }
            return Optional.of(next);
        });
    }

    @Override
    public String ownerNode() {
        return ownerNode;
    }

    @Override
    public Optional<OperationInfo> claimAttempt(String operationId, String expectedOwner, int expectedAttempt,
            UnaryOperator<OperationInfo> change) {
        return jdbc.inTransaction(c -> {
            Optional<OperationInfo> current = OperationsTable.select(c, operationId, true);
            if (current.isEmpty()) {
                return current;
            }
            String owner = OperationsTable.owner(c, operationId);
            if (expectedOwner != null && !expectedOwner.equals(owner)) {
                throw new IllegalTransitionException(operationId, "is owned by " + owner + " now (claimed elsewhere)");
            }
            OperationStore.requireAttempt(current.get(), expectedAttempt);
            OperationInfo next = OperationRows.normalize(change.apply(current.get()));
            OperationsTable.write(c, next);
            OperationsTable.setOwner(c, operationId, ownerNode);
            moveStatus(c, current.get(), next);
            return Optional.of(next);
        });
    }

    @Override
    public MetricsEnd metricsEnd(String operationId) {
        return jdbc.inTransaction(c -> OperationMetricsTable.end(c, operationId));
    }

    @Override
    public void delete(String operationId) {
        jdbc.inTransaction(c -> {
            deleteRows(c, operationId);
            return null;
        });
    }

    @Override
    public OperationList list(OperationQuery query) {
        return jdbc.inTransaction(c -> {
            OperationListing listing = new OperationListing(query);
            // active from operation_counts (kept with every change), never by counting operations
            long active = OperationCountsTable.sum(c, " WHERE status IN " + OperationsTable.UNFINISHED, count -> { });
            return OperationList.of(listing.page(c), query, active, listing.counts(c));
        });
    }

    @Override
    public void appendMetrics(String operationId, int firstSeq, List<Map<String, Object>> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            OperationMetricsTable.append(c, operationId, firstSeq, metrics);
            return null;
        });
    }

    @Override
    public void deleteMetrics(String operationId) {
        jdbc.inTransaction(c -> {
            OperationMetricsTable.delete(c, operationId);
            return null;
        });
    }

    @Override
    public MetricsPage metrics(String operationId, int cursor) {
        return jdbc.inTransaction(c -> OperationMetricsTable.page(c, operationId, cursor));
    }

    @Override
    public void appendLog(String operationId, List<LogLine> lines, int keep) {
        if (lines.isEmpty()) {
            return;
        }
        // a conflict: another replica stored the same host lines first; the retry skips them
        jdbc.retryingOnConflict(3, c -> {
            OperationLogsTable.append(c, operationId, lines, keep);
            return null;
        });
    }

    @Override
    public LogPage log(String operationId, int cursor, int max) {
        return jdbc.inTransaction(c -> OperationLogsTable.page(c, operationId, cursor, max));
    }

    @Override
    public int logEnd(String operationId) {
        return jdbc.inTransaction(c -> OperationLogsTable.end(c, operationId));
    }

    @Override
    public List<OperationInfo> unfinishedLocal() {
        return jdbc.inTransaction(c -> OperationsTable.unfinishedLocal(c, ownerNode));
    }

    @Override
    public List<String> deleteFinishedBefore(Instant cutoff, Instant now) {
        return jdbc.inTransaction(c -> {
            List<String> expired = OperationsTable.finishedBefore(c, cutoff);
            TombstonesTable.record(c, expired, now);
            for (String id : expired) {
                deleteRows(c, id);
            }
            return expired;
        });
    }

    @Override
    public int countFinishedBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> OperationsTable.countFinishedBefore(c, cutoff));
    }

    @Override
    public int deleteTombstonesBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> TombstonesTable.deleteBefore(c, cutoff));
    }

    @Override
    public boolean wasDeleted(String operationId) {
        return jdbc.inTransaction(c -> TombstonesTable.exists(c, operationId));
    }

    /** From the kept counts (a few rows), never a count over the operations table: gauges and readiness ask often. */
    @Override
    public Map<OperationType, Map<OperationStatus, Long>> countByTypeAndStatus() {
        return jdbc.inTransaction(OperationCountsTable::byTypeAndStatus);
    }

    /** Every count of an operation whose status changed (a resume too: failed to running) follows it. */
    private static void moveStatus(Connection c, OperationInfo current, OperationInfo next) throws SQLException {
        if (next.status() != current.status()) {
            OperationCountsTable.move(c, next.operationType(), current.status(), next.status());
            OperationSymbolsTable.moveStatus(c, current.operationId(), next.status());
            SearchCountsTable.move(c, next, current.status(), next.status());
        }
    }

    /** The operation with everything that hangs off it: its metrics, its log, its host mapping and its count. */
    private static void deleteRows(Connection c, String operationId) throws SQLException {
        Optional<OperationInfo> deleted = OperationsTable.select(c, operationId, true);
        OperationMetricsTable.delete(c, operationId);
        OperationLogsTable.delete(c, operationId);
        OperationSymbolsTable.delete(c, operationId);
        JdbcRemoteMappingStore.delete(c, operationId);
        OperationsTable.delete(c, operationId);
        if (deleted.isPresent()) {
            OperationCountsTable.add(c, deleted.get().status(), deleted.get().operationType(), -1);
            SearchCountsTable.delete(c, deleted.get());
        }
    }
}

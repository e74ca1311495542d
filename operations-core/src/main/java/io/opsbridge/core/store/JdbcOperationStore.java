package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.MetricsPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The durable store: operation records, their metrics and tombstones in any database the Flyway
 * migrations under {@code db/migration} run on (H2 and PostgreSQL are tested).
 *
 * <p>Every record remembers the node that created it ({@code owner_node}), so that after a restart
 * a node fails only its own interrupted local operations, never those of a replica that shares the
 * database.
 */
public class JdbcOperationStore implements OperationStore {

    private static final String UNFINISHED = statuses(false);
    private static final String FINISHED = statuses(true);

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
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO operations (" + OperationRows.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                OperationRows.bind(insert, OperationRows.normalize(operation), ownerNode);
                insert.executeUpdate();
            }
            OperationCountsTable.add(c, operation.status(), operation.operationType(), 1);
            return null;
        });
    }

    @Override
    public Optional<OperationInfo> find(String operationId) {
        return jdbc.inTransaction(c -> select(c, operationId, false));
    }

    @Override
    public Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change) {
        return jdbc.inTransaction(c -> {
            Optional<OperationInfo> current = select(c, operationId, true);
            if (current.isEmpty()) {
                return current;
            }
            OperationInfo next = OperationRows.normalize(change.apply(current.get()));
            if (!next.equals(current.get())) {
                write(c, next);
                if (next.status() != current.get().status()) {
                    OperationCountsTable.move(c, next.operationType(), current.get().status(), next.status());
                }
            }
            return Optional.of(next);
        });
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
            String where = " WHERE 1=1" + (query.status() == null ? "" : " AND status = ?")
                    + (query.type() == null ? "" : " AND operation_type = ?");
            List<OperationInfo> page = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + OperationRows.COLUMNS + " FROM operations"
                    + where + " ORDER BY " + listOrder(query) + " LIMIT ? OFFSET ?")) {
                int next = bindFilter(select, query);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(OperationRows.read(rows));
                    }
                }
            }
            // counted from operation_counts (kept with every change), never by counting operations
            long total = OperationCountsTable.sum(c, where, count -> bindFilter(count, query));
            long active = OperationCountsTable.sum(c, " WHERE status IN " + UNFINISHED, count -> { });
            return new OperationList(page, total, active);
        });
    }

    @Override
    public void appendMetrics(String operationId, List<Map<String, Object>> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            OperationMetricsTable.append(c, operationId, metrics);
            return null;
        });
    }

    @Override
    public MetricsPage metrics(String operationId, int cursor) {
        return jdbc.inTransaction(c -> OperationMetricsTable.page(c, operationId, cursor));
    }

    @Override
    public List<OperationInfo> unfinishedLocal() {
        return jdbc.inTransaction(c -> {
            List<OperationInfo> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + OperationRows.COLUMNS + " FROM operations"
                    + " WHERE owner_node = ? AND status IN " + UNFINISHED + " AND mode = 'local'")) {
                select.setString(1, ownerNode);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(OperationRows.read(rows));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff, Instant now) {
        return jdbc.inTransaction(c -> {
            List<String> expired = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT operation_id FROM operations"
                    + " WHERE status IN " + FINISHED + " AND completed_at < ?")) {
                JdbcColumns.setInstant(select, 1, cutoff);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expired.add(rows.getString(1));
                    }
                }
            }
            TombstonesTable.record(c, expired, now);
            for (String id : expired) {
                deleteRows(c, id);
            }
            return expired.size();
        });
    }

    @Override
    public int countFinishedBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM operations"
                    + " WHERE status IN " + FINISHED + " AND completed_at < ?")) {
                JdbcColumns.setInstant(count, 1, cutoff);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Override
    public int deleteTombstonesBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> TombstonesTable.deleteBefore(c, cutoff));
    }

    @Override
    public boolean wasDeleted(String operationId) {
        return jdbc.inTransaction(c -> TombstonesTable.exists(c, operationId));
    }

    private static Optional<OperationInfo> select(Connection c, String operationId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + OperationRows.COLUMNS
                + " FROM operations WHERE operation_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, operationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(OperationRows.read(rows)) : Optional.empty();
            }
        }
    }

    private static void write(Connection c, OperationInfo info) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE operations SET status = ?, started_at = ?,"
                + " updated_at = ?, completed_at = ?, progress_json = ?, metadata_json = ?, result_summary_json = ?,"
                + " error_message = ?, metrics_count = ?, version = ? WHERE operation_id = ?")) {
            update.setString(1, info.status().wireName());
            JdbcColumns.setInstant(update, 2, info.startedAt());
            JdbcColumns.setInstant(update, 3, info.updatedAt());
            JdbcColumns.setInstant(update, 4, info.completedAt());
            update.setString(5, OperationRows.toJson(info.progress()));
            JdbcColumns.setText(update, 6, info.metadata() == null ? null : OperationRows.toJson(info.metadata()));
            JdbcColumns.setText(update, 7, info.resultSummary() == null ? null : OperationRows.toJson(info.resultSummary()));
            JdbcColumns.setText(update, 8, info.errorMessage());
            update.setInt(9, info.metricsCount());
            update.setLong(10, info.version());
            update.setString(11, info.operationId());
            update.executeUpdate();
        }
    }

    /** The operation with everything that hangs off it: its metrics and its host mapping. */
    private static void deleteRows(Connection c, String operationId) throws SQLException {
        Optional<OperationInfo> deleted = select(c, operationId, true);
        OperationMetricsTable.delete(c, operationId);
        JdbcRemoteMappingStore.delete(c, operationId);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operations WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
        if (deleted.isPresent()) {
            OperationCountsTable.add(c, deleted.get().status(), deleted.get().operationType(), -1);
        }
    }

    /**
     * Newest first. A filtered column is constant among the rows, so leading with it changes nothing
     * in the order, but it names the whole key of the matching list index (V51): H2 then reads the
     * page in index order too, instead of sorting every row of that status or type (PostgreSQL needs
     * no such hint).
     */
    private static String listOrder(OperationQuery query) {
        return (query.status() == null ? "" : "status, ") + (query.type() == null ? "" : "operation_type, ")
                + "created_at DESC, operation_id";
    }

    private static int bindFilter(PreparedStatement statement, OperationQuery query) throws SQLException {
        int index = 1;
        if (query.status() != null) {
            statement.setString(index++, query.status().wireName());
        }
        if (query.type() != null) {
            statement.setString(index++, query.type().wireName());
        }
        return index;
    }

    /** The SQL list of the terminal (or the unfinished) statuses, from the one rule in {@link OperationStatus}. */
    private static String statuses(boolean terminal) {
        return Arrays.stream(OperationStatus.values()).filter(s -> s.isTerminal() == terminal)
                .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** From the kept counts (a few rows), never a count over the operations table: gauges and readiness ask often. */
    @Override
    public Map<OperationType, Map<OperationStatus, Long>> countByTypeAndStatus() {
        return jdbc.inTransaction(OperationCountsTable::byTypeAndStatus);
    }
}

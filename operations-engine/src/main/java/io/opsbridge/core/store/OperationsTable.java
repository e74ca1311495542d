package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of the {@code operations} table: one row per operation, read and written inside the
 * caller's transaction ({@link JdbcOperationStore} keeps the other tables in step).
 */
final class OperationsTable {

    /** The SQL list of the unfinished statuses, from the one rule in {@link OperationStatus}. */
    static final String UNFINISHED = statuses(false);
    private static final String FINISHED = statuses(true);

    private OperationsTable() {
    }

    static void insert(Connection c, OperationInfo operation, String ownerNode) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operations (" + OperationRows.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            OperationRows.bind(insert, operation, ownerNode);
            insert.executeUpdate();
        }
    }

    static Optional<OperationInfo> select(Connection c, String operationId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + OperationRows.COLUMNS
                + " FROM operations WHERE operation_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, operationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(OperationRows.read(rows)) : Optional.empty();
            }
        }
    }

    /** Everything that may change after the insert. */
    static void write(Connection c, OperationInfo info) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE operations SET status = ?, started_at = ?,"
                + " updated_at = ?, completed_at = ?, progress_json = ?, metadata_json = ?, result_summary_json = ?,"
                + " error_message = ?, metrics_count = ?, version = ?, attempt = ?, attempts_json = ? WHERE operation_id = ?")) {
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
            update.setInt(11, OperationRows.attempt(info));
            JdbcColumns.setText(update, 12, OperationRows.attemptsJson(info));
            update.setString(13, info.operationId());
            update.executeUpdate();
        }
    }

    /** Makes {@code node} the owner of the operation (it runs its next attempt). */
    static void setOwner(Connection c, String operationId, String node) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE operations SET owner_node = ? WHERE operation_id = ?")) {
            update.setString(1, node);
            update.setString(2, operationId);
            update.executeUpdate();
        }
    }

    /** The node that owns the operation now; null if there is no such operation. */
    static String owner(Connection c, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT owner_node FROM operations WHERE operation_id = ?")) {
            select.setString(1, operationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operations WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }

    /** The unfinished local operations this node created. */
    static List<OperationInfo> unfinishedLocal(Connection c, String ownerNode) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + OperationRows.COLUMNS + " FROM operations"
                + " WHERE owner_node = ? AND status IN " + UNFINISHED + " AND mode = 'local'")) {
            select.setString(1, ownerNode);
            return readAll(select);
        }
    }

    /** The ids of the operations that finished before {@code cutoff}: what retention deletes. */
    static List<String> finishedBefore(Connection c, Instant cutoff) throws SQLException {
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
        return expired;
    }

    static int countFinishedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM operations"
                + " WHERE status IN " + FINISHED + " AND completed_at < ?")) {
            JdbcColumns.setInstant(count, 1, cutoff);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<OperationInfo> readAll(PreparedStatement select) throws SQLException {
        List<OperationInfo> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(OperationRows.read(rows));
            }
        }
        return found;
    }

    private static String statuses(boolean terminal) {
        return Arrays.stream(OperationStatus.values()).filter(s -> s.isTerminal() == terminal)
                .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}

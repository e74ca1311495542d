package io.opsbridge.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code operation_tombstones} table: what is left of an operation that retention deleted,
 * so its id answers 410 Gone instead of 404.
 */
final class TombstonesTable {

    private TombstonesTable() {
    }

    /** Copies the identity of each operation, still in {@code operations}, as deleted at {@code now}. */
    static void record(Connection c, List<String> operationIds, Instant now) throws SQLException {
        try (PreparedStatement tombstone = c.prepareStatement("INSERT INTO operation_tombstones"
                + " (operation_id, operation_type, status, completed_at, deleted_at)"
                + " SELECT operation_id, operation_type, status, completed_at, ? FROM operations WHERE operation_id = ?")) {
            for (String id : operationIds) {
                JdbcColumns.setInstant(tombstone, 1, now);
                tombstone.setString(2, id);
                tombstone.addBatch();
            }
            tombstone.executeBatch();
        }
    }

    static boolean exists(Connection c, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM operation_tombstones WHERE operation_id = ?")) {
            select.setString(1, operationId);
            return OperationMetricsTable.single(select) > 0;
        }
    }

    /** Removes the tombstones of operations deleted before {@code cutoff}. */
    static int deleteBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_tombstones WHERE deleted_at < ?")) {
            JdbcColumns.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}

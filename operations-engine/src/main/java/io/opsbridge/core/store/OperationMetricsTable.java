package io.opsbridge.core.store;

import io.opsbridge.core.bridge.MetricsPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code operation_metrics} table: each operation's metrics in order, by position ({@code seq}).
 * Written by {@link JdbcOperationStore} (local work) and by {@link JdbcRemoteMappingStore} (host
 * metrics, in the transaction that moves the host cursor); the only code that touches the table.
 */
final class OperationMetricsTable {

    private OperationMetricsTable() {
    }

    /** Appends on an open transaction at positions {@code firstSeq}...; a position already taken fails (primary key). */
    static void append(Connection c, String operationId, int firstSeq, List<Map<String, Object>> metrics)
            throws SQLException {
        int next = firstSeq;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operation_metrics (operation_id, seq, metric_json) VALUES (?, ?, ?)")) {
            for (Map<String, Object> metric : metrics) {
                insert.setString(1, operationId);
                insert.setInt(2, next++);
                insert.setString(3, OperationRows.toJson(metric));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The metrics at and after {@code cursor}. */
    static MetricsPage page(Connection c, String operationId, int cursor) throws SQLException {
        List<Map<String, Object>> items = new ArrayList<>();
        int last = -1;
        try (PreparedStatement select = c.prepareStatement("SELECT seq, metric_json FROM operation_metrics"
                + " WHERE operation_id = ? AND seq >= ? ORDER BY seq")) {
            select.setString(1, operationId);
            select.setInt(2, cursor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last = rows.getInt(1);
                    items.add(OperationRows.mapFromJson(rows.getString(2)));
                }
            }
        }
        if (!items.isEmpty()) {
            return new MetricsPage(List.copyOf(items), last + 1);
        }
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM operation_metrics WHERE operation_id = ?")) {
            count.setString(1, operationId);
            return MetricsPage.empty((int) Math.max(cursor, single(count)));
        }
    }

    /** The position after the last stored metric, and that metric (null if none). */
    static MetricsEnd end(Connection c, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT seq, metric_json FROM operation_metrics"
                + " WHERE operation_id = ? ORDER BY seq DESC LIMIT 1")) {
            select.setString(1, operationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? MetricsEnd.of(rows.getInt(1) + 1, OperationRows.mapFromJson(rows.getString(2)))
                        : MetricsEnd.of(0, null);
            }
        }
    }

    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_metrics WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }

    /** The one number a {@code SELECT COUNT(*)} or similar answers. */
    static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

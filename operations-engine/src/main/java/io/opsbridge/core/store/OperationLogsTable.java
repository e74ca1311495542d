package io.opsbridge.core.store;

import io.opsbridge.api.LogLine;
import io.opsbridge.core.bridge.LogPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code operation_logs} table: each operation's log lines by position ({@code seq}), at most
 * a cap of them; the only code that touches the table.
 */
final class OperationLogsTable {

    private OperationLogsTable() {
    }

    /**
     * Stores the lines after the last one stored (a line at a taken position is skipped: another
     * replica copied it from the same host) and deletes the lines more than {@code keep} behind the last.
     */
    static void append(Connection c, String operationId, List<LogLine> lines, int keep) throws SQLException {
        int end = end(c, operationId);
        int last = end - 1;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operation_logs (operation_id, seq, logged_at, level, message) VALUES (?, ?, ?, ?, ?)")) {
            for (LogLine line : lines) {
                if (line.seq() < end) {
                    continue;
                }
                insert.setString(1, operationId);
                insert.setInt(2, line.seq());
                JdbcColumns.setInstant(insert, 3, line.at());
                insert.setString(4, line.level());
                insert.setString(5, line.message());
                insert.addBatch();
                last = Math.max(last, line.seq());
            }
            insert.executeBatch();
        }
        try (PreparedStatement trim = c.prepareStatement("DELETE FROM operation_logs WHERE operation_id = ? AND seq <= ?")) {
            trim.setString(1, operationId);
            trim.setInt(2, last - keep);
            trim.executeUpdate();
        }
    }

    /** At most {@code max} lines at and after {@code cursor}. */
    static LogPage page(Connection c, String operationId, int cursor, int max) throws SQLException {
        int first;
        int end;
        try (PreparedStatement bounds = c.prepareStatement(
                "SELECT MIN(seq), MAX(seq) FROM operation_logs WHERE operation_id = ?")) {
            bounds.setString(1, operationId);
            try (ResultSet row = bounds.executeQuery()) {
                row.next();
                first = row.getInt(1);
                end = row.wasNull() ? 0 : row.getInt(2) + 1;
            }
        }
        List<LogLine> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT seq, logged_at, level, message FROM operation_logs"
                + " WHERE operation_id = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
            select.setString(1, operationId);
            select.setInt(2, cursor);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new LogLine(rows.getInt("seq"), JdbcColumns.getInstant(rows, "logged_at"),
                            rows.getString("level"), rows.getString("message")));
                }
            }
        }
        int next = lines.isEmpty() ? Math.max(cursor, end) : lines.get(lines.size() - 1).seq() + 1;
        return new LogPage(List.copyOf(lines), next, end > 0 && cursor < first ? first - cursor : 0);
    }

    /** The position after the last stored line (0 for none). */
    static int end(Connection c, String operationId) throws SQLException {
        try (PreparedStatement max = c.prepareStatement("SELECT MAX(seq) FROM operation_logs WHERE operation_id = ?")) {
            max.setString(1, operationId);
            try (ResultSet row = max.executeQuery()) {
                row.next();
                int last = row.getInt(1);
                return row.wasNull() ? 0 : last + 1;
            }
        }
    }

    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_logs WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }
}

package io.opsbridge.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link RemoteMappingStore} on the same database (and migrations) as {@link JdbcOperationStore}. */
public class JdbcRemoteMappingStore implements RemoteMappingStore {

    private final Jdbc jdbc;

    public JdbcRemoteMappingStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(RemoteMapping mapping) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO remote_mappings (operation_id,"
                    + " host_service_url, host_operation_id, host_metrics_cursor, created_at, last_contact_at,"
                    + " unreachable_since) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, mapping.operationId());
                insert.setString(2, mapping.hostServiceUrl());
                insert.setString(3, mapping.hostOperationId());
                insert.setInt(4, mapping.hostMetricsCursor());
                JdbcColumns.setInstant(insert, 5, mapping.createdAt());
                JdbcColumns.setInstant(insert, 6, mapping.lastContactAt());
                JdbcColumns.setInstant(insert, 7, mapping.unreachableSince());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RemoteMapping> find(String operationId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT operation_id, host_service_url,"
                    + " host_operation_id, host_metrics_cursor, created_at, last_contact_at, unreachable_since"
                    + " FROM remote_mappings WHERE operation_id = ?")) {
                select.setString(1, operationId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RemoteMapping(row.getString(1), row.getString(2), row.getString(3),
                            row.getInt(4), JdbcColumns.getInstant(row, "created_at"), JdbcColumns.getInstant(row, "last_contact_at"),
                            JdbcColumns.getInstant(row, "unreachable_since")));
                }
            }
        });
    }

    @Override
    public int appendHostMetrics(String operationId, int expectedCursor, int newCursor,
            List<Map<String, Object>> metrics, boolean replace) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement advance = c.prepareStatement("UPDATE remote_mappings SET host_metrics_cursor = ?"
                    + " WHERE operation_id = ? AND host_metrics_cursor = ?")) {
                advance.setInt(1, newCursor);
                advance.setString(2, operationId);
                advance.setInt(3, expectedCursor);
                if (advance.executeUpdate() == 0) {
                    return -1;
                }
            }
            if (replace) {
                OperationMetricsTable.delete(c, operationId);
            }
            MetricsEnd end = OperationMetricsTable.end(c, operationId);
            List<Map<String, Object>> fresh = metrics.stream().filter(m -> !end.holds(m)).toList();
            if (!fresh.isEmpty()) {
                OperationMetricsTable.append(c, operationId, end.position(), fresh);
            }
            return end.position() + fresh.size();
        });
    }

    @Override
    public void moved(String operationId, String hostServiceUrl, String hostOperationId, Instant now) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE remote_mappings SET host_service_url = ?,"
                    + " host_operation_id = ?, host_metrics_cursor = 0, last_contact_at = ?, unreachable_since = NULL"
                    + " WHERE operation_id = ?")) {
                update.setString(1, hostServiceUrl);
                update.setString(2, hostOperationId);
                JdbcColumns.setInstant(update, 3, now);
                update.setString(4, operationId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordContact(String operationId, Instant at) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE remote_mappings SET last_contact_at = ?,"
                    + " unreachable_since = NULL WHERE operation_id = ?")) {
                JdbcColumns.setInstant(update, 1, at);
                update.setString(2, operationId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordUnreachable(String operationId, Instant at) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE remote_mappings SET unreachable_since = ?"
                    + " WHERE operation_id = ? AND unreachable_since IS NULL")) {
                JdbcColumns.setInstant(update, 1, at);
                update.setString(2, operationId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes the mapping on an open transaction, with the operation it maps (retention, discard). */
    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM remote_mappings WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }
}

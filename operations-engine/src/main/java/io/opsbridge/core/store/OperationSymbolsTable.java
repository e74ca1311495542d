package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code operation_symbols} table (V52, V54): one row per symbol an operation names, with the operation's
 * created_at, type and status, so a list of one symbol is a range of its index and its counts per status need
 * no other table. Written with the operation's insert; its status moves with the operation's.
 */
final class OperationSymbolsTable {

    private OperationSymbolsTable() {
    }

    /** The symbols an operation is found by: each one its metadata names that fits the column, once, sorted. */
    static List<String> symbols(OperationInfo operation) {
        return operation.metadata() == null || operation.metadata().symbols() == null ? List.of()
                : operation.metadata().symbols().stream().filter(s -> s != null && s.length() <= OperationQuery.MAX_SYMBOL)
                        .distinct().sorted().toList();
    }

    static void insert(Connection c, OperationInfo operation) throws SQLException {
        List<String> symbols = symbols(operation);
        if (symbols.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operation_symbols (symbol, created_at, operation_id, operation_type, status)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (String symbol : symbols) {
                insert.setString(1, symbol);
                JdbcColumns.setInstant(insert, 2, operation.createdAt());
                insert.setString(3, operation.operationId());
                insert.setString(4, operation.operationType().wireName());
                insert.setString(5, operation.status().wireName());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The operation's new status, on each of its symbols. */
    static void moveStatus(Connection c, String operationId, OperationStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE operation_symbols SET status = ? WHERE operation_id = ?")) {
            update.setString(1, status.wireName());
            update.setString(2, operationId);
            update.executeUpdate();
        }
    }

    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_symbols WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }
}

package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code operation_symbols} table (V52): one row per symbol an operation names, with the operation's
 * created_at, so a list of one symbol is a range of its index. Written with the operation's insert;
 * symbols never change afterwards.
 */
final class OperationSymbolsTable {

    private OperationSymbolsTable() {
    }

    static void insert(Connection c, OperationInfo operation) throws SQLException {
        List<String> symbols = operation.metadata() == null || operation.metadata().symbols() == null ? List.of()
                : operation.metadata().symbols().stream().filter(s -> s != null && s.length() <= OperationQuery.MAX_SYMBOL)
                        .distinct().toList();
        if (symbols.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operation_symbols (symbol, created_at, operation_id) VALUES (?, ?, ?)")) {
            for (String symbol : symbols) {
                insert.setString(1, symbol);
                JdbcColumns.setInstant(insert, 2, operation.createdAt());
                insert.setString(3, operation.operationId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void delete(Connection c, String operationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM operation_symbols WHERE operation_id = ?")) {
            delete.setString(1, operationId);
            delete.executeUpdate();
        }
    }
}

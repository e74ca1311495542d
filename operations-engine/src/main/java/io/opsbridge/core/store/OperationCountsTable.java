package io.opsbridge.core.store;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The {@code operation_counts} table: how many operations there are per status and type, changed in
 * the transaction that inserts, moves or deletes an operation, so a list's {@code total} and
 * {@code active_count} cost a few rows whatever the size of {@code operations}.
 */
final class OperationCountsTable {

    private OperationCountsTable() {
    }

    /** One more (or, with -1, one less) operation of this status and type. */
    static void add(Connection c, OperationStatus status, OperationType type, int delta) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE operation_counts SET n = n + ? WHERE status = ? AND operation_type = ?")) {
            update.setInt(1, delta);
            update.setString(2, status.wireName());
            update.setString(3, type.wireName());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // the first operation of this status and type: a concurrent first insert loses on the key and is retried
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO operation_counts (status, operation_type, n) VALUES (?, ?, ?)")) {
            insert.setString(1, status.wireName());
            insert.setString(2, type.wireName());
            insert.setInt(3, delta);
            insert.executeUpdate();
        }
    }

    /**
     * Moves one operation from one status to another. The two rows are always locked in the same
     * order (by status name), so two transactions moving operations in opposite directions never
     * wait for each other in a cycle.
     */
    static void move(Connection c, OperationType type, OperationStatus from, OperationStatus to) throws SQLException {
        boolean fromFirst = from.wireName().compareTo(to.wireName()) < 0;
        add(c, fromFirst ? from : to, type, fromFirst ? -1 : 1);
        add(c, fromFirst ? to : from, type, fromFirst ? 1 : -1);
    }

    /** How many operations match: {@code where} is a condition on status and operation_type, bound from index 1. */
    static long sum(Connection c, String where, Binder binder) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM operation_counts" + where)) {
            binder.bind(select);
            return OperationMetricsTable.single(select);
        }
    }

    /** Each built-in type and each type with a row, with every status and its count, zeros included. */
    static Map<OperationType, Map<OperationStatus, Long>> byTypeAndStatus(Connection c) throws SQLException {
        Map<OperationType, Map<OperationStatus, Long>> counts = OperationStore.zeroCounts();
        try (PreparedStatement select = c.prepareStatement("SELECT operation_type, status, n FROM operation_counts");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.computeIfAbsent(OperationType.of(rows.getString(1)), type -> OperationStore.zeroByStatus())
                        .put(OperationStatus.fromWire(rows.getString(2)), rows.getLong(3));
            }
        }
        return counts;
    }

    /** Binds the parameters of a condition. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}

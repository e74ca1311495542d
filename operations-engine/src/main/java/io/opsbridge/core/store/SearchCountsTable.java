package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code search_counts} table (V57): how many operations there are per symbol and per strategy, by type and
 * status, changed in the transaction that inserts, moves or deletes an operation, so the counts of a broad search
 * (a symbol in one run of four) are a few rows instead of every match. Rows are locked in one order, strategy
 * before symbols and symbols sorted, each pair of statuses by name, so two transactions never wait in a cycle.
 */
final class SearchCountsTable {

    private static final String STRATEGY = "strategy";
    private static final String SYMBOL = "symbol";

    private SearchCountsTable() {
    }

    /**
     * Counts a new operation under each of its facets. The first operation of a (facet, value, type) creates a row
     * for every status, so later moves only update; two such first inserts at once conflict on the key, and the
     * caller's transaction is retried.
     */
    static void insert(Connection c, OperationInfo operation) throws SQLException {
        for (Facet facet : facets(operation)) {
            if (add(c, facet, operation, operation.status(), 1) == 0) {
                createRows(c, facet, operation);
            }
        }
    }

    /** Moves an operation's count from one status to another under each of its facets. */
    static void move(Connection c, OperationInfo operation, OperationStatus from, OperationStatus to)
            throws SQLException {
        boolean fromFirst = from.wireName().compareTo(to.wireName()) < 0;
        for (Facet facet : facets(operation)) {
            add(c, facet, operation, fromFirst ? from : to, fromFirst ? -1 : 1);
            add(c, facet, operation, fromFirst ? to : from, fromFirst ? 1 : -1);
        }
    }

    static void delete(Connection c, OperationInfo operation) throws SQLException {
        for (Facet facet : facets(operation)) {
            add(c, facet, operation, operation.status(), -1);
        }
    }

    /** Whether the counts answer this search alone: one symbol or one strategy, at most with a type. */
    static boolean answers(OperationQuery query) {
        boolean oneFacet = (query.symbol() == null) != (query.strategy() == null);
        return oneFacet && query.idPrefix() == null && query.createdAfter() == null && query.createdBefore() == null;
    }

    /** The counts per status of a search that {@link #answers} covers. */
    static Map<OperationStatus, Long> counts(Connection c, OperationQuery query) throws SQLException {
        String sql = "SELECT status, SUM(n) FROM search_counts WHERE facet = ? AND facet_value = ?"
                + (query.type() == null ? "" : " AND operation_type = ?") + " GROUP BY status";
        Map<OperationStatus, Long> byStatus = new EnumMap<>(OperationStatus.class);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, query.symbol() != null ? SYMBOL : STRATEGY);
            select.setString(2, query.symbol() != null ? query.symbol() : query.strategy());
            if (query.type() != null) {
                select.setString(3, query.type().wireName());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byStatus.put(OperationStatus.fromWire(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return byStatus;
    }

    private static List<Facet> facets(OperationInfo operation) {
        List<Facet> facets = new ArrayList<>();
        String strategy = OperationRows.strategy(operation);
        if (strategy != null) {
            facets.add(new Facet(STRATEGY, strategy));
        }
        for (String symbol : OperationSymbolsTable.symbols(operation)) {
            facets.add(new Facet(SYMBOL, symbol));
        }
        return facets;
    }

    private static int add(Connection c, Facet facet, OperationInfo operation, OperationStatus status, int delta)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE search_counts SET n = n + ?"
                + " WHERE facet = ? AND facet_value = ? AND operation_type = ? AND status = ?")) {
            update.setInt(1, delta);
            update.setString(2, facet.kind());
            update.setString(3, facet.value());
            update.setString(4, operation.operationType().wireName());
            update.setString(5, status.wireName());
            return update.executeUpdate();
        }
    }

    private static void createRows(Connection c, Facet facet, OperationInfo operation) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO search_counts"
                + " (facet, facet_value, operation_type, status, n) VALUES (?, ?, ?, ?, ?)")) {
            for (OperationStatus status : OperationStatus.values()) {
                insert.setString(1, facet.kind());
                insert.setString(2, facet.value());
                insert.setString(3, operation.operationType().wireName());
                insert.setString(4, status.wireName());
                insert.setLong(5, status == operation.status() ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A kind of search ({@code symbol}, {@code strategy}) and the value an operation is found by. */
    private record Facet(String kind, String value) {
    }
}

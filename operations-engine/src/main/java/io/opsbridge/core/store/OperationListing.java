package io.opsbridge.core.store;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.StatusCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a listing: one page, and its counts per status. Every filter is served by an index: status
 * and type by V51's, strategy by {@code operations_strategy_list_idx}, a symbol by {@code operation_symbols}
 * (joined, read in its own index order), an id prefix by the primary key (H2) or V53's pattern index
 * (PostgreSQL), the created-at range by the created-at column of whichever index leads. The counts of a
 * search read as little: one symbol's or one strategy's are kept ({@code search_counts}, V57), a symbol's with
 * a created-at range come from {@code operation_symbols} alone (V54).
 */
final class OperationListing {

    private final OperationQuery query;
    private final boolean bySymbol;

    OperationListing(OperationQuery query) {
        this.query = query;
        this.bySymbol = query.symbol() != null;
    }

    /** One page in the query's order. */
    List<OperationInfo> page(Connection c) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + OperationRows.columns("o.") + from() + where(true, params) + " ORDER BY " + order()
                + " LIMIT ? OFFSET ?";
        params.add(query.limit());
        params.add(query.offset());
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, params);
            List<OperationInfo> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(OperationRows.read(rows));
                }
            }
            return found;
        }
    }

    /**
     * How many operations match per status, the status filter left out. Without a search (status and type
     * only) these come from the kept counts, a few rows, and so do those of one symbol or one strategy
     * ({@code search_counts}); any other search counts its matches through its index.
     */
    StatusCounts counts(Connection c) throws SQLException {
        if (SearchCountsTable.answers(query)) {
            return StatusCounts.of(SearchCountsTable.counts(c, query));
        }
        List<Object> params = new ArrayList<>();
        String sql = !query.searches()
                ? "SELECT status, SUM(n) FROM operation_counts" + typeOnly(params) + " GROUP BY status"
                : symbolsAlone() ? "SELECT s.status, COUNT(*) FROM operation_symbols s" + where(false, params)
                        + " GROUP BY s.status"
                : "SELECT o.status, COUNT(*)" + from() + where(false, params) + " GROUP BY o.status";
        Map<OperationStatus, Long> byStatus = new EnumMap<>(OperationStatus.class);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byStatus.put(OperationStatus.fromWire(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return StatusCounts.of(byStatus);
    }

    /**
     * Whether {@code operation_symbols} answers the counts alone: a symbol with at most a type and a created-at
     * range (its rows carry both and the status, V54), read from one index without visiting the operations.
     */
    private boolean symbolsAlone() {
        return bySymbol && query.strategy() == null && query.idPrefix() == null;
    }

    private String from() {
        return " FROM operations o" + (bySymbol ? " JOIN operation_symbols s ON s.operation_id = o.operation_id" : "");
    }

    private String typeOnly(List<Object> params) {
        if (query.type() == null) {
            return "";
        }
        params.add(query.type().wireName());
        return " WHERE operation_type = ?";
    }

    private String where(boolean withStatus, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        condition(where, params, bySymbol ? "s.symbol = ?" : null, query.symbol());
        condition(where, params, "o.strategy = ?", query.strategy());
        condition(where, params, withStatus ? "o.status = ?" : null,
                query.status() == null ? null : query.status().wireName());
        condition(where, params, (bySymbol ? "s" : "o") + ".operation_type = ?",
                query.type() == null ? null : query.type().wireName());
        condition(where, params, "o.operation_id LIKE ? ESCAPE '\\'",
                query.idPrefix() == null ? null : likePrefix(query.idPrefix()));
        String created = bySymbol ? "s.created_at" : "o.created_at";
        condition(where, params, created + " >= ?", query.createdAfter());
        condition(where, params, created + " < ?", query.createdBefore());
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (sql != null && value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    /**
     * Newest (or oldest) first, ties by id. The filtered columns that lead the matching index lead the
     * order too: constant among the rows, they change nothing in it, but they name the index's whole key,
     * so H2 reads the page in index order instead of sorting every match (PostgreSQL needs no such hint).
     */
    private String order() {
        boolean newest = query.sort() == OperationQuery.Sort.NEWEST;
        String time = newest ? " DESC" : " ASC";
        String id = newest ? "" : " DESC";
        if (bySymbol) {
            return "s.symbol, s.created_at" + time + ", s.operation_id" + id;
        }
        String lead = query.strategy() != null ? "o.strategy, "
                : (query.status() == null ? "" : "o.status, ") + (query.type() == null ? "" : "o.operation_type, ");
        return lead + "o.created_at" + time + ", o.operation_id" + id;
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Instant instant) {
                JdbcColumns.setInstant(statement, i + 1, instant);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}

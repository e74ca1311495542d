package io.opsbridge.api;

import java.time.Instant;
import java.util.Locale;

/**
 * A listing filter; null fields match everything. Every field is bounded here, so a store never sees
 * a value it cannot serve with an index: an id prefix, an exact symbol, an exact strategy (the
 * training's {@code metadata.parameters.strategy}) and a created-at range, besides status and type.
 *
 * <pre>{@code
 * new OperationQuery(null, OperationType.TRAINING, 50, 0)                  // the newest 50 trainings
 * OperationQuery.search(null, null, 50, 0, null, "AAPL", null, yesterday, null, Sort.NEWEST)
 * }</pre>
 *
 * @param idPrefix      operations whose id starts with it (e.g. {@code op_training_20261206})
 * @param symbol        operations that name this symbol (upper case, as starts store them)
 * @param strategy      operations of this strategy
 * @param createdAfter  created at or after this instant
 * @param createdBefore created before this instant
 */
public record OperationQuery(OperationStatus status, OperationType type, int limit, int offset,
        String idPrefix, String symbol, String strategy, Instant createdAfter, Instant createdBefore, Sort sort) {

    public static final int MAX_LIMIT = 500;
    /** The longest id prefix, symbol and strategy a query takes (the stored columns are no wider). */
    public static final int MAX_ID_PREFIX = 128;
    public static final int MAX_SYMBOL = 32;
    public static final int MAX_STRATEGY = 64;

    /** The order of a listing, by creation time. */
    public enum Sort {
        NEWEST, OLDEST;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code newest} or {@code oldest}, naming the field {@code sort} otherwise. */
        public static Sort fromWire(String value) {
            return WireEnums.parse(Sort.class, "sort", value);
        }
    }

    public OperationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative, was " + offset);
        }
        idPrefix = text("id_prefix", idPrefix, MAX_ID_PREFIX, false);
        symbol = text("symbol", symbol, MAX_SYMBOL, true);
        strategy = text("strategy", strategy, MAX_STRATEGY, false);
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new InvalidRequestException("created_before", "must be after created_after ("
                    + createdAfter + "), was " + createdBefore);
        }
        sort = sort == null ? Sort.NEWEST : sort;
    }

    /** Status and type only, newest first. */
    public OperationQuery(OperationStatus status, OperationType type, int limit, int offset) {
        this(status, type, limit, offset, null, null, null, null, null, Sort.NEWEST);
    }

    /** Whether the query narrows by more than status and type (what a store's kept counts cannot answer). */
    public boolean searches() {
        return idPrefix != null || symbol != null || strategy != null || createdAfter != null || createdBefore != null;
    }

    /** The same query without its status: the set whose per-status counts a listing reports. */
    public OperationQuery anyStatus() {
        return new OperationQuery(null, type, limit, offset, idPrefix, symbol, strategy, createdAfter, createdBefore, sort);
    }

    public boolean matches(OperationInfo info) {
        OperationMetadata meta = info.metadata();
        return (status == null || status == info.status()) && (type == null || type.equals(info.operationType()))
                && (idPrefix == null || info.operationId().startsWith(idPrefix))
                && (symbol == null || meta != null && meta.symbols() != null && meta.symbols().contains(symbol))
                && (strategy == null || strategy.equals(strategyOf(info)))
                && (createdAfter == null || !info.createdAt().isBefore(createdAfter))
                && (createdBefore == null || info.createdAt().isBefore(createdBefore));
    }

    /** The strategy an operation was started with ({@code metadata.parameters.strategy}), or null. */
    public static String strategyOf(OperationInfo info) {
        OperationMetadata meta = info.metadata();
        Object strategy = meta == null || meta.parameters() == null ? null : meta.parameters().get("strategy");
        return strategy instanceof String s ? s : null;
    }

    /** Blank is absent; otherwise trimmed (and upper-cased for a symbol), at most {@code max} characters. */
    private static String text(String field, String value, int max, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new InvalidRequestException(field, "must be at most " + max + " characters, was " + trimmed.length());
        }
        return upper ? trimmed.toUpperCase(Locale.ROOT) : trimmed;
    }
}

package io.opsbridge.workloads.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one symbol's load went: its bridge metric and its entry in the result's {@code symbols} list.
 *
 * @param status           {@code loaded} or {@code failed}
 * @param rejectedByReason rejected rows per rule, e.g. {@code duplicate_timestamp -> 2}
 * @param rejectedExamples the first rejected rows: {@code line}, {@code reason}, {@code timestamp}
 * @param error            why a failed symbol failed, naming file and line; null if loaded
 */
public record SymbolLoad(
        String symbol,
        String status,
        long rowsLoaded,
        long rowsRejected,
        long rowsOutsideRange,
        Map<String, Long> rejectedByReason,
        List<Map<String, Object>> rejectedExamples,
        long gaps,
        long missingBars,
        String firstTimestamp,
        String lastTimestamp,
        long durationMs,
        long validationMs,
        String dataset,
        String error) {

    public static final String LOADED = "loaded";
    public static final String FAILED = "failed";

    static SymbolLoad loaded(String symbol, long rows, long rejected, long durationMs, long validationMs, long gaps) {
        return new SymbolLoad(symbol, LOADED, rows, rejected, 0, Map.of(), List.of(), gaps, 0, null, null,
                durationMs, validationMs, null, null);
    }

    static SymbolLoad failed(String symbol, long durationMs, String error) {
        return new SymbolLoad(symbol, FAILED, 0, 0, 0, Map.of(), List.of(), 0, 0, null, null, durationMs, 0,
                null, error);
    }

    public boolean isLoaded() {
        return LOADED.equals(status);
    }

    /** Rejected rows plus gaps. */
    public long issuesFound() {
        return rowsRejected + gaps;
    }

    /** The entry in the result summary (snake_case keys). */
    public Map<String, Object> toSummary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("status", status);
        m.put("rows_loaded", rowsLoaded);
        m.put("rows_rejected", rowsRejected);
        m.put("rows_outside_range", rowsOutsideRange);
        m.put("rejected_by_reason", rejectedByReason);
        m.put("rejected_examples", rejectedExamples);
        m.put("gaps", gaps);
        m.put("missing_bars", missingBars);
        m.put("issues_found", issuesFound());
        m.put("first_timestamp", firstTimestamp);
        m.put("last_timestamp", lastTimestamp);
        m.put("duration_ms", durationMs);
        m.put("validation_ms", validationMs);
        m.put("dataset", dataset);
        m.put("error", error);
        return m;
    }
}

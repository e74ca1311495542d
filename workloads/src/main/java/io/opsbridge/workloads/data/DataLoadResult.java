package io.opsbridge.workloads.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a load: what each symbol gave, and the totals a client checks first. */
public record DataLoadResult(String timeframe, String source, List<SymbolLoad> symbols, long durationMs) {

    public DataLoadResult {
        symbols = List.copyOf(symbols);
    }

    public long symbolsLoaded() {
        return symbols.stream().filter(SymbolLoad::isLoaded).count();
    }

    public long rowsLoaded() {
        return symbols.stream().mapToLong(SymbolLoad::rowsLoaded).sum();
    }

    public long rowsRejected() {
        return symbols.stream().mapToLong(SymbolLoad::rowsRejected).sum();
    }

    public List<SymbolLoad> failed() {
        return symbols.stream().filter(s -> !s.isLoaded()).toList();
    }

    /**
     * What a user should read before trusting the load: each failed symbol's error (naming file and
     * line) and each symbol with rejected rows. Empty when every symbol loaded cleanly.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (SymbolLoad s : symbols) {
            if (!s.isLoaded()) {
                warnings.add(s.symbol() + " not loaded: " + s.error());
            } else if (s.rowsRejected() > 0) {
                warnings.add(s.symbol() + ": " + s.rowsRejected() + " rows rejected " + s.rejectedByReason());
            }
        }
        return warnings;
    }

    /** The operation's {@code result_summary}: snake_case keys, JSON-ready values. */
    public Map<String, Object> toSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("symbols_loaded", symbolsLoaded());
        summary.put("symbols_failed", symbols.size() - symbolsLoaded());
        summary.put("rows_loaded", rowsLoaded());
        summary.put("rows_rejected", rowsRejected());
        summary.put("duration_ms", durationMs);
        summary.put("rows_per_second", durationMs == 0 ? rowsLoaded() * 1000 : rowsLoaded() * 1000 / durationMs);
        summary.put("timeframe", timeframe);
        summary.put("source", source);
        summary.put("warnings", warnings());
        summary.put("symbols", symbols.stream().map(SymbolLoad::toSummary).toList());
        return summary;
    }
}

package io.opsbridge.backend.backtest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a backtest found, symbol by symbol; {@link #toSummary()} is the operation's {@code result_summary}. */
public record BacktestResult(int fastWindow, int slowWindow, List<SymbolBacktest> symbols, List<String> warnings) {

    /**
     * <pre>{@code
     * {"fast_window": 10, "slow_window": 30, "best_symbol": "MSFT",
     *  "per_symbol": {"AAPL": {"bars": 500, "trades": 9, "total_return": -0.0132, "buy_and_hold_return": 0.04}}}
     * }</pre>
     * plus {@code warnings} when a symbol had too few bars to trade.
     */
    public Map<String, Object> toSummary() {
        Map<String, Object> perSymbol = new LinkedHashMap<>();
        symbols.forEach(s -> perSymbol.put(s.symbol(), s.toSummary()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fast_window", fastWindow);
        summary.put("slow_window", slowWindow);
        summary.put("best_symbol", symbols.stream().max(Comparator.comparingDouble(SymbolBacktest::totalReturn))
                .map(SymbolBacktest::symbol).orElse(null));
        summary.put("per_symbol", perSymbol);
        if (!warnings.isEmpty()) {
            summary.put("warnings", warnings);
        }
        return summary;
    }
}

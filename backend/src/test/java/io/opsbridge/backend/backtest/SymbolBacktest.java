package io.opsbridge.backend.backtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one symbol's replay: returns are fractions ({@code 0.05} is +5 %), rounded to six
 * places; {@code buyAndHoldReturn} is holding from the first bar the strategy could trade to the last.
 */
public record SymbolBacktest(String symbol, int bars, int trades, double totalReturn, double buyAndHoldReturn) {

    /** As {@code result_summary.per_symbol.<SYMBOL>} shows it. */
    Map<String, Object> toSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("bars", bars);
        summary.put("trades", trades);
        summary.put("total_return", totalReturn);
        summary.put("buy_and_hold_return", buyAndHoldReturn);
        return summary;
    }
}

package io.opsbridge.backend.backtest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.hosts.WorkRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client asks to backtest, as it arrives on the wire (snake_case JSON); any field but
 * {@code symbols} may be missing. {@link #withDefaults()} fills the gaps, {@link BacktestRequestValidator}
 * checks the rest.
 *
 * <pre>{@code
 * {"symbols": ["AAPL", "MSFT"], "timeframe": "1h", "fast_window": 10, "slow_window": 30}
 * }</pre>
 *
 * @param fastWindow bars of the fast moving average (default 10)
 * @param slowWindow bars of the slow moving average (default 30): long while fast is above slow
 * @param paceMs     a pause after each symbol, as a replay at human speed does (default 0)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BacktestRequest(
        List<String> symbols,
        String timeframe,
        Integer fastWindow,
        Integer slowWindow,
        Integer paceMs,
        String mode) implements WorkRequest {

    static final String DEFAULT_TIMEFRAME = "1h";
    static final int DEFAULT_FAST = 10;
    static final int DEFAULT_SLOW = 30;

    /** A copy with missing fields at their defaults; symbols trimmed, upper-cased, without duplicates. */
    public BacktestRequest withDefaults() {
        List<String> clean = symbols == null ? List.of()
                : symbols.stream().map(s -> s == null ? "" : s.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        return new BacktestRequest(clean, blank(timeframe) ? DEFAULT_TIMEFRAME : timeframe.trim(),
                fastWindow == null ? DEFAULT_FAST : fastWindow, slowWindow == null ? DEFAULT_SLOW : slowWindow,
                paceMs == null ? 0 : paceMs, blank(mode) ? MODE_LOCAL : mode.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public BacktestRequest withMode(String newMode) {
        return new BacktestRequest(symbols, timeframe, fastWindow, slowWindow, paceMs, newMode);
    }

    /** What {@code metadata.parameters} shows. */
    @Override
    public Map<String, Object> toParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("fast_window", fastWindow);
        parameters.put("slow_window", slowWindow);
        return parameters;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

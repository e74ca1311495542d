package io.opsbridge.workloads.data;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.hosts.WorkRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client asks to load, as it arrives on the wire (snake_case JSON); any field may be missing.
 * {@link #withDefaults()} fills the gaps, {@link DataLoadRequestValidator} checks the rest.
 *
 * <pre>{@code
 * {"symbols": ["AAPL", "MSFT"], "timeframe": "1h", "start_date": "2024-01-01", "end_date": "2024-03-31",
 *  "source": "csv", "mode": "local"}
 * }</pre>
 *
 * @param startDate first bar to keep: {@code 2024-01-01} (start of that day, UTC) or an ISO instant; null keeps all
 * @param endDate   last bar to keep: {@code 2024-03-31} (the whole day, UTC) or an ISO instant; null keeps all
 * @param source    {@code sample} (synthetic, offline: the default, so a fresh install loads at once) or
 *                  {@code csv} (broker exports in the source directory)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataLoadRequest(
        List<String> symbols,
        String timeframe,
        String startDate,
        String endDate,
        String source,
        String mode) implements WorkRequest {

    public static final String DEFAULT_TIMEFRAME = "1h";
    public static final String SOURCE_CSV = "csv";
    public static final String SOURCE_SAMPLE = "sample";
    /** The source a request without one uses: the only one that has data on a fresh install. */
    public static final String DEFAULT_SOURCE = SOURCE_SAMPLE;

    /** A local request for these symbols from a source, over everything the source has. */
    public static DataLoadRequest of(List<String> symbols, String timeframe, String source) {
        return new DataLoadRequest(symbols, timeframe, null, null, source, null).withDefaults();
    }

    /** A copy with missing fields at their defaults; symbols trimmed, upper-cased, without duplicates. */
    public DataLoadRequest withDefaults() {
        List<String> cleanSymbols = symbols == null ? List.of() : symbols.stream()
                .map(s -> s == null ? "" : s.trim().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        return new DataLoadRequest(cleanSymbols, orDefault(timeframe, DEFAULT_TIMEFRAME), blankToNull(startDate),
                blankToNull(endDate), orDefault(source, DEFAULT_SOURCE).toLowerCase(Locale.ROOT),
                orDefault(mode, MODE_LOCAL).toLowerCase(Locale.ROOT));
    }

    /** A copy with another mode ({@code local} or {@code host}). */
    @Override
    public DataLoadRequest withMode(String newMode) {
        return new DataLoadRequest(symbols, timeframe, startDate, endDate, source, newMode);
    }

    /** The parameters as an operation's {@code metadata.parameters} shows them (snake_case keys). */
    @Override
    public Map<String, Object> toParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("source", source);
        if (startDate != null) {
            parameters.put("start_date", startDate);
        }
        if (endDate != null) {
            parameters.put("end_date", endDate);
        }
        return parameters;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

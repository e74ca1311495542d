package io.opsbridge.backend.signals;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code POST /api/v1/signals/generate}:
 * {@code {"symbols": ["AAPL", "MSFT", "GOOG"], "as_of_date": "2024-03-01", "top_n": 1, "bottom_n": 1}}.
 *
 * @param asOfDate  ISO date; bars up to the end of that day (UTC) are used. Default: all bars
 * @param topN      the best-scored symbols to hold long, each at {@code 1/top_n}; default 1
 * @param bottomN   the worst-scored symbols to hold short, each at {@code -1/bottom_n}; default 0
 * @param strategy  whose active model answers; default {@code opsbridge.models.strategy}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalRequest(List<String> symbols, String asOfDate, Integer topN, Integer bottomN, String strategy) {
}

package io.opsbridge.backend.signals;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** The answer of {@code POST /api/v1/signals/generate}; {@code metadata.model_version} names the model that produced every signal. */
public record SignalResponse(List<Signal> signals, Metadata metadata) {

    /**
     * @param asOfDate  the date asked for, or the date of the newest bar used
     * @param timeframe the bars' timeframe, the one the model was trained on
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metadata(String asOfDate, String modelVersion, String strategy, int numSignals, Instant generatedAt,
            String timeframe) {
    }
}

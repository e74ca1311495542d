package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** What an operation was asked to do and where it runs: the {@code metadata} block of {@link OperationInfo}. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationMetadata(
        List<String> symbols,
        String timeframe,
        String mode,
        String hostOperationId,
        String hostServiceUrl,
        String sessionId,
        Map<String, Object> parameters) {

    /** Metadata of an operation that runs in this process. */
    public static OperationMetadata local(List<String> symbols, String timeframe, Map<String, Object> parameters) {
        return new OperationMetadata(symbols, timeframe, "local", null, null, null, parameters);
    }
}

package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The metrics after the client's cursor; ask again with {@code new_cursor} to get only newer ones. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsResponse(String operationId, List<Map<String, Object>> metrics, int newCursor) {
}

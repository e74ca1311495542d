package io.opsbridge.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The metrics after the client's cursor; ask again with {@code new_cursor} to get only newer ones. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsResponse(String operationId, List<Map<String, Object>> metrics, int newCursor) {
}

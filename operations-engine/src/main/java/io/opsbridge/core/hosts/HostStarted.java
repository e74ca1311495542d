package io.opsbridge.core.hosts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationStatus;

/**
 * A worker host's answer to a start ({@code POST /training/start}, {@code POST /data/load}): follow
 * the work at {@code /api/v1/operations/{operation_id}}, where {@code operation_id} is the host's
 * prefix and {@code session_id}, e.g. {@code host_training_3f2a}.
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HostStarted(String sessionId, String operationId, OperationStatus status) {
}

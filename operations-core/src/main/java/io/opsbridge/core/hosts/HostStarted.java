package io.opsbridge.core.hosts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationStatus;

/**
 * A worker host's answer to a start ({@code POST /training/start}, {@code POST /data/load}): follow
 * the work at {@code /api/v1/operations/{operation_id}}, where {@code operation_id} is the host's
 * prefix and {@code session_id}, e.g. {@code host_training_3f2a}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HostStarted(String sessionId, String operationId, OperationStatus status) {
}

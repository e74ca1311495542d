package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/** The outcome of a completed operation. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationResults(
        String operationId,
        OperationType operationType,
        OperationStatus status,
        Instant completedAt,
        Map<String, Object> resultSummary) {

    public static OperationResults of(OperationInfo info) {
        return new OperationResults(info.operationId(), info.operationType(), info.status(), info.completedAt(),
                info.resultSummary());
    }
}

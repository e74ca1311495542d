package io.opsbridge.host.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationInfo;
import java.util.Map;

/**
 * The answer of the deprecated {@code GET /training/status/{session_id}}: the flat shape old
 * clients parse, read from the OperationsService, plus where to ask instead.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegacyTrainingStatus(
        String sessionId,
        String operationId,
        String status,
        double progress,
        String message,
        String currentStep,
        long currentEpoch,
        long totalEpochs,
        int metricsCount,
        Map<String, Object> resultSummary,
        String errorMessage,
        boolean deprecated,
        String useInstead) {

    static LegacyTrainingStatus of(String sessionId, OperationInfo op) {
        String successor = "/api/v1/operations/" + op.operationId();
        return new LegacyTrainingStatus(sessionId, op.operationId(), op.status().wireName(),
                op.progress().percentage(), op.progress().message(), op.progress().currentStep(),
                op.progress().stepsCompleted(), op.progress().stepsTotal(), op.metricsCount(), op.resultSummary(),
                op.errorMessage(), true, successor);
    }
}

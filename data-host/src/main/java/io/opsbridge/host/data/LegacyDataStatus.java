package io.opsbridge.host.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationInfo;
import java.util.Map;

/**
 * The answer of the deprecated {@code GET /data/status/{session_id}}: the flat shape old clients
 * parse, read from the OperationsService, plus where to ask instead.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegacyDataStatus(
        String sessionId,
        String operationId,
        String status,
        double progress,
        String message,
        String currentStep,
        String currentSymbol,
        long symbolsCompleted,
        long symbolsTotal,
        long rowsLoaded,
        int metricsCount,
        Map<String, Object> resultSummary,
        String errorMessage,
        boolean deprecated,
        String useInstead) {

    static LegacyDataStatus of(String sessionId, OperationInfo op) {
        return new LegacyDataStatus(sessionId, op.operationId(), op.status().wireName(),
                op.progress().percentage(), op.progress().message(), op.progress().currentStep(),
                op.progress().currentItem(), op.progress().stepsCompleted(), op.progress().stepsTotal(),
                op.progress().itemsProcessed(), op.metricsCount(), op.resultSummary(), op.errorMessage(), true,
                "/api/v1/operations/" + op.operationId());
    }
}

package io.opsbridge.server.hosts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationInfo;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of a host's deprecated status call: the flat shape old clients parse, read from the
 * operations service, plus where to ask instead. {@code steps} holds the type's own counters
 * (e.g. {@code current_epoch}, {@code total_epochs}), written inline between {@code current_step}
 * and {@code metrics_count}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The deprecated flat status; the work's own counters (e.g. current_epoch) come inline",
        additionalProperties = Schema.True.class)
public record LegacyStatus(
        String sessionId,
        String operationId,
        String status,
        double progress,
        String message,
        String currentStep,
        @JsonUnwrapped @Schema(hidden = true) Object steps,
        int metricsCount,
        Map<String, Object> resultSummary,
        String errorMessage,
        boolean deprecated,
        String useInstead) {

    /** The status of {@code op}, its counters as {@code steps} reads them. */
    public static LegacyStatus of(String sessionId, OperationInfo op, Function<OperationInfo, Object> steps) {
        return new LegacyStatus(sessionId, op.operationId(), op.status().wireName(), op.progress().percentage(),
                op.progress().message(), op.progress().currentStep(), steps.apply(op), op.metricsCount(),
                op.resultSummary(), op.errorMessage(), true, "/api/v1/operations/" + op.operationId());
    }
}

package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** The {@code progress} block of {@link OperationInfo}. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationProgress(
        double percentage,
        String message,
        String currentStep,
        long stepsCompleted,
        long stepsTotal,
        long itemsProcessed,
        long itemsTotal,
        String currentItem,
        Map<String, Object> context) {

    public static OperationProgress none() {
        return new OperationProgress(0, null, null, 0, 0, 0, 0, null, Map.of());
    }

    /** The same progress at 100%, for an operation that completed. */
    public OperationProgress finished() {
        return new OperationProgress(100.0, message, currentStep, Math.max(stepsCompleted, stepsTotal), stepsTotal,
                itemsProcessed, itemsTotal, currentItem, context);
    }
}

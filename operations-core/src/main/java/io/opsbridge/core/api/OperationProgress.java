package io.opsbridge.core.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.bridge.ProgressSnapshot;
import java.util.Map;

/** The {@code progress} block of {@link OperationInfo}. */
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

    public static OperationProgress of(ProgressSnapshot s) {
        return new OperationProgress(s.percentage(), s.message(), s.currentStep(), s.stepsCompleted(),
                s.stepsTotal(), s.itemsProcessed(), s.itemsTotal(), s.currentItem(), s.context());
    }

    /** The same progress at 100%, for an operation that completed. */
    public OperationProgress finished() {
        return new OperationProgress(100.0, message, currentStep, Math.max(stepsCompleted, stepsTotal), stepsTotal,
                itemsProcessed, itemsTotal, currentItem, context);
    }
}

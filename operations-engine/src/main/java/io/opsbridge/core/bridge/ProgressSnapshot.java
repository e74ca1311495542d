package io.opsbridge.core.bridge;

import io.opsbridge.api.OperationProgress;
import java.time.Instant;
import java.util.Map;

/**
 * An immutable copy of a bridge's state at one version. Readers get their own copy, so nothing they
 * do can race with the worker that keeps writing.
 */
public record ProgressSnapshot(
        double percentage,
        String message,
        String currentStep,
        long stepsCompleted,
        long stepsTotal,
        long itemsProcessed,
        long itemsTotal,
        String currentItem,
        Map<String, Object> context,
        Instant updatedAt,
        long version,
        int metricsCount) {

    /** The state of a bridge nobody has written to yet. */
    public static ProgressSnapshot empty() {
        return new ProgressSnapshot(0, null, null, 0, 0, 0, 0, null, Map.of(), null, 0, 0);
    }

    /** The {@code progress} block a client sees for this state. */
    public OperationProgress toProgress() {
        return new OperationProgress(percentage, message, currentStep, stepsCompleted, stepsTotal, itemsProcessed,
                itemsTotal, currentItem, context);
    }
}

package io.opsbridge.backend.models;

import java.util.Map;

/** What is known of a trained model before the registry gives it a version number. */
public record NewModelVersion(
        String strategyName,
        String modelPath,
        Map<String, Object> performanceMetrics,
        Map<String, Object> config,
        String operationId) {
}

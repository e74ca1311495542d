package io.opsbridge.backend.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * One registered model: a row of {@code model_registry}, as answered by {@code /api/v1/models}.
 *
 * @param version            {@code v1}, {@code v2}, ... in order of registration within the strategy
 * @param modelPath          the artifact directory ({@code weights + descriptor.json}) on this backend
 * @param performanceMetrics the training's final losses and accuracies and its epochs
 * @param config             the training request that produced the model
 * @param statusMessage      why the last activation failed, for {@code failed} versions
 * @param operationId        the training operation that produced the model
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelVersion(
        long id,
        String strategyName,
        String version,
        String modelPath,
        ModelStatus status,
        Map<String, Object> performanceMetrics,
        Map<String, Object> config,
        String statusMessage,
        String operationId,
        Instant createdAt,
        Instant activatedAt,
        Instant deactivatedAt) {

    /** {@code strategy/version}, for logs and messages. */
    public String label() {
        return strategyName + "/" + version;
    }
}

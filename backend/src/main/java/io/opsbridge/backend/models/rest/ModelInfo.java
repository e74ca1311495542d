package io.opsbridge.backend.models.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.backend.models.registry.ModelRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/model/info}: the model serving a strategy now, where it came from,
 * and how reloading has gone.
 *
 * @param inFlight requests using the serving model right now
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelInfo(
        String strategy,
        boolean loaded,
        String version,
        String modelPath,
        String operationId,
        Instant activatedAt,
        Instant loadedAt,
        Long loadMs,
        Integer inFlight,
        String timeframe,
        List<String> trainedOn,
        List<String> features,
        Map<String, Object> performanceMetrics,
        long reloads,
        long failedReloads,
        ModelRegistry.ReloadFailure lastFailure,
        long reloadIntervalSeconds,
        String message) {
}

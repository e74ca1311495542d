package io.opsbridge.backend.replicas;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * What one replica serves, as it records it with its liveness stamp ({@code replicas.serves_json})
 * and as {@code GET /api/v1/admin/replicas} lists it.
 *
 * @param models          strategy → the version serving it here
 * @param settingsHash    the SHA-256 of the settings file in force ({@code null}: startup configuration only)
 * @param settingsAppliedAt when those settings took effect here
 * @param pending         a settings hash announced but not in this replica's file yet, if any
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplicaState(String nodeId, Map<String, String> models, long settingsVersion, String settingsHash,
        Instant settingsAppliedAt, String pending, String subscriberState, Instant lastReloadAt, String lastError,
        Instant updatedAt) {
}

package io.opsbridge.backend.reload.broadcast.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.reload.broadcast.BroadcastStatus;
import io.opsbridge.backend.reload.broadcast.ReloadBroadcast;
import io.opsbridge.backend.reload.broadcast.ReplicaState;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/replicas}: every replica seen in Redis with what it serves, each marked
 * {@code lagging} with the reasons when it serves something other than the registry's active
 * version or the newest settings hash. Without the broadcast, just this replica.
 */
@Path("/api/v1/admin/replicas")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ReplicasResource {

    private final ReloadBroadcast broadcast;
    private final ModelRegistry registry;

    public ReplicasResource(ReloadBroadcast broadcast, ModelRegistry registry) {
        this.broadcast = broadcast;
        this.registry = registry;
    }

    /** One replica and why it lags, if it does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReplicaView(ReplicaState state, boolean lagging, List<String> lagReasons) {
    }

    /** The answer: the truth the replicas are compared with, and the replicas. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReplicasAnswer(BroadcastStatus broadcast, Map<String, String> registryActive,
            String newestSettingsHash, List<ReplicaView> replicas, int total, int lagging) {
    }

    @GET
    @Operation(operationId = "listReplicas", summary = "List the replicas and what each one serves")
    @APIResponse(responseCode = "200", description = "Every replica seen in Redis, those behind the registry or the newest settings marked lagging")
    public ReplicasAnswer list() {
        List<ReplicaState> states = broadcast.replicas(Duration.ofSeconds(5));
        Map<String, String> active = new TreeMap<>();
        for (ReplicaState state : states) {
            for (String strategy : state.models().keySet()) {
                active.computeIfAbsent(strategy,
                        s -> registry.store().active(s).map(ModelVersion::version).orElse(null));
            }
        }
        // the settings applied last anywhere are the newest; a replica on another hash has not caught up
        String newest = states.stream().filter(s -> s.settingsAppliedAt() != null && s.settingsHash() != null)
                .max(Comparator.comparing(ReplicaState::settingsAppliedAt)).map(ReplicaState::settingsHash)
                .orElse(null);
        List<ReplicaView> views = new ArrayList<>();
        for (ReplicaState state : states) {
            List<String> reasons = new ArrayList<>();
            active.forEach((strategy, version) -> {
                String served = state.models().get(strategy);
                if (version != null && !version.equals(served)) {
                    reasons.add(strategy + ": serves " + Objects.toString(served, "nothing") + ", registry has "
                            + version + " active");
                }
            });
            if (newest != null && !newest.equals(state.settingsHash())) {
                reasons.add("settings: " + shortHash(state.settingsHash()) + ", newest is " + shortHash(newest));
            }
            if (state.pending() != null) {
                reasons.add("settings " + shortHash(state.pending()) + " announced, not in this replica's file yet");
            }
            views.add(new ReplicaView(state, !reasons.isEmpty(), reasons));
        }
        int lagging = (int) views.stream().filter(ReplicaView::lagging).count();
        return new ReplicasAnswer(broadcast.status(), active, newest, views, views.size(), lagging);
    }

    private static String shortHash(String hash) {
        return hash == null ? "startup configuration" : hash.substring(0, Math.min(12, hash.length()));
    }
}

package io.opsbridge.backend.replicas;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.backend.reload.broadcast.BroadcastStatus;
import io.opsbridge.backend.reload.broadcast.ReloadBroadcast;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/replicas}: the one replica view, from the database (Redis stays
 * optional): each replica's URL, liveness, instance id and how many operations it owns, with what it
 * serves, the live ones that serve other than the registry's active version or the newest settings
 * marked {@code lagging} with the reasons.
 */
@Path("/api/v1/admin/replicas")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ReplicasResource {

    private final ReplicaViews views;
    private final ReloadBroadcast broadcast;

    public ReplicasResource(ReplicaViews views, ReloadBroadcast broadcast) {
        this.views = views;
        this.broadcast = broadcast;
    }

    /**
     * One replica: who and where, its liveness ({@code live}, {@code stopping}, {@code silent}: no
     * stamp for three heartbeats), the unfinished local operations it owns, what it serves, and why it lags.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReplicaView(String nodeId, String instanceId, String advertisedUrl, String liveness,
            Instant startedAt, Instant heartbeatAt, long operationsOwned, ReplicaState state, boolean lagging,
            List<String> lagReasons) {
    }

    /** The answer: the truth the replicas are compared with, and the replicas. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReplicasAnswer(BroadcastStatus broadcast, Map<String, String> registryActive,
            String newestSettingsHash, List<ReplicaView> replicas, int total, int live, int lagging) {
    }

    @GET
    @Operation(operationId = "listReplicas", summary = "List the replicas: where each answers, its liveness, what it owns and serves")
    @APIResponse(responseCode = "200", description = "Every replica recorded in the database, the live ones behind the registry or the newest settings marked lagging")
    public ReplicasAnswer list() {
        return views.all(broadcast.status());
    }
}

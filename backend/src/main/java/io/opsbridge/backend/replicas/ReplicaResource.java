package io.opsbridge.backend.replicas;

import io.opsbridge.core.replicas.ReplicaApi;
import io.opsbridge.core.replicas.ReplicaIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/replica}: who answers here. A starting replica asks it at the URL recorded for
 * its node id, to tell a restart (nothing, or itself, answers) from a second live process with the
 * same node id. Open to anyone, like a health probe: it names nothing secret.
 */
@Path("/api/v1/replica")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ReplicaResource {

    private final ReplicaIdentity me;

    public ReplicaResource(ReplicaIdentity me) {
        this.me = me;
    }

    @GET
    @Operation(operationId = "getReplica", summary = "Who answers here: node id, instance id of this start, advertised URL")
    @APIResponse(responseCode = "200", description = "This replica")
    public ReplicaApi.Answer whoAmI() {
        return new ReplicaApi.Answer(me.nodeId(), me.instanceId(), me.advertisedUrl(), "running");
    }
}

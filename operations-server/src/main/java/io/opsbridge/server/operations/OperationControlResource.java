package io.opsbridge.server.operations;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator does to one operation of the {@code /api/v1/operations} contract: cancel it. */
@Path("/api/v1/operations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Follow any long-running operation: state, metrics, results, cancel")
@RolesAllowed(Roles.OPERATOR)
public class OperationControlResource {

    private final OperationLifecycle lifecycle;

    public OperationControlResource(OperationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @POST
    @Path("/cancel")
    @Operation(operationId = "cancelOperation", summary = "Cancel a pending or running operation", description = "Cancelling a cancelled one"
            + " answers it unchanged; a completed or failed one is a 409")
    @APIResponse(responseCode = "200", description = "The operation, now cancelled")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    public OperationInfo cancel(@PathParam("id") String id) {
        return lifecycle.cancel(id);
    }
}

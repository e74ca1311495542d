package io.opsbridge.server.operations;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.server.security.RateLimited;
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

/** What an operator does to one operation of the {@code /api/v1/operations} contract: cancel it, resume it. */
@Path("/api/v1/operations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Follow any long-running operation: state, metrics, results, cancel")
@RolesAllowed(Roles.OPERATOR)
public class OperationControlResource {

    private final OperationLifecycle lifecycle;
    private final OperationResumes resumes;

    public OperationControlResource(OperationLifecycle lifecycle, OperationResumes resumes) {
        this.lifecycle = lifecycle;
        this.resumes = resumes;
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

    @POST
    @Path("/resume")
    @RateLimited(RateLimited.Kind.STARTS)
    @Operation(operationId = "resumeOperation", summary = "Resume a failed training from its last checkpoint",
            description = "A new attempt of the same operation continues after the newest checkpoint and ends as an"
            + " uninterrupted run would. A training that has no checkpoint, failed for a reason a new attempt would"
            + " meet again or used up opsbridge.training.max-attempts, and a cancelled, completed, running or"
            + " non-training operation are a 409 that says why")
    @APIResponse(responseCode = "200", description = "The operation, running again at its new attempt")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public OperationInfo resume(@PathParam("id") String id) {
        return resumes.resume(id);
    }
}

package io.opsbridge.server.operations;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The shape of every start endpoint of the backend ({@code POST /api/v1/trainings},
 * {@code POST /api/v1/data/loads}): checks the request (a 400 names the field), starts it once per
 * {@code Idempotency-Key}, and answers 202 with the new operation at once; the client follows it at
 * {@code /api/v1/operations/{id}}. A feature only names the path and the request type:
 *
 * <pre>{@code
 * @Path("/api/v1/trainings")
 * public class TrainingResource extends StartResource<TrainingRequest> { ... }
 * }</pre>
 */
public abstract class StartResource<R extends WorkRequest> {

    private final WorkRouter<R> router;
    private final IdempotencyKeys idempotencyKeys;
    private final OperationsService operations;

    protected StartResource(WorkRouter<R> router, IdempotencyKeys idempotencyKeys, OperationsService operations) {
        this.router = router;
        this.idempotencyKeys = idempotencyKeys;
        this.operations = operations;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited(RateLimited.Kind.STARTS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start the work and answer at once", description = "Checks the request, records a pending"
            + " operation and answers 202 with it; follow it at Location. The same Idempotency-Key answers the same"
            + " operation again.")
    @SecurityRequirement(name = "bearer") // @RolesAllowed on this generic method is not seen by the scanner
    @APIResponse(responseCode = "202", description = "Accepted: the new operation, pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperationInfo.class)),
            headers = {@Header(ref = "Location"), @Header(ref = "Retry-After")})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "The same key answers the same"
            + " operation again (a retry starts nothing new)", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    public Response start(R request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        R valid = router.validate(request);
        return OperationResponses.accepted(
                idempotencyKeys.startOnce(idempotencyKey, valid, () -> router.start(valid)),
                operations.cacheTtl());
    }
}

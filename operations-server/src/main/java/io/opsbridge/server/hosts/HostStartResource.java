package io.opsbridge.server.hosts;

import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.core.hosts.HostStarted;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.server.operations.OperationResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The start endpoint of a worker host, the same for every kind of work: 202 with {@code session_id},
 * {@code operation_id} and {@code status} at once, {@code Location} the operation. A host app only
 * names the path and the request type:
 *
 * <pre>{@code
 * @Path("/training/start")
 * public class TrainingStartResource extends HostStartResource<TrainingRequest> { ... }
 * }</pre>
 */
public abstract class HostStartResource<R extends WorkRequest> {

    private final HostSessions<R> sessions;

    protected HostStartResource(HostSessions<R> sessions) {
        this.sessions = sessions;
    }

    /** Starts the work; a request this host cannot run is a 400 naming the field, a full host a 503. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startWork", summary = "Start the work on this host and answer at once",
            description = "Answers 202 with session_id and operation_id; follow it at Location")
    // Only a host started with opsbridge.host.token checks it (HostTokenFilter): the backend's token.
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "Accepted: the host's session and operation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HostStarted.class)),
            headers = {@Header(ref = "Location"), @Header(ref = "Retry-After")})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response start(R request) {
        HostStarted started = sessions.start(request);
        return OperationResponses.accepted(started, started.operationId(), sessions.cacheTtl());
    }
}

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
    public Response start(R request) {
        HostStarted started = sessions.start(request);
        return OperationResponses.accepted(started, started.operationId(), sessions.cacheTtl());
    }
}

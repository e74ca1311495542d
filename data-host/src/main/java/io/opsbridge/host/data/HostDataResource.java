package io.opsbridge.host.data;

import io.opsbridge.core.rest.OperationResponses;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadStartResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /data/*} of a data host. Progress, metrics, results and cancel are the shared
 * {@code /api/v1/operations} resource; this only starts loads (and answers one old status call).
 */
@Path("/data")
@Produces(MediaType.APPLICATION_JSON)
public class HostDataResource {

    private final HostDataService loads;
    private final OperationsService operations;

    public HostDataResource(HostDataService loads, OperationsService operations) {
        this.loads = loads;
        this.operations = operations;
    }

    /** Starts a load: 202 with {@code session_id}, {@code operation_id} and {@code status}, at once. */
    @POST
    @Path("/load")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response load(DataLoadRequest request) {
        DataLoadStartResponse started = loads.start(request);
        return OperationResponses.accepted(started, started.operationId(), operations.cacheTtl());
    }

    /** Kept for old clients: use {@code GET /api/v1/operations/host_data_{session_id}} instead. */
    @GET
    @Path("/status/{session_id}")
    @Deprecated
    @Operation(deprecated = true, summary = "Deprecated: use GET /api/v1/operations/host_data_{session_id}")
    public Response status(@PathParam("session_id") String sessionId) {
        LegacyDataStatus status = LegacyDataStatus.of(sessionId, loads.bySession(sessionId));
        return Response.ok(status)
                .header("Deprecation", "true")
                .header("Link", "<" + status.useInstead() + ">; rel=\"successor-version\"")
                .build();
    }
}

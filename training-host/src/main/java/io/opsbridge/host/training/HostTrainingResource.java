package io.opsbridge.host.training;

import io.opsbridge.core.rest.OperationResponses;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingStartResponse;
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
 * {@code /training/*} of a training host. Progress, metrics, results and cancel are the shared
 * {@code /api/v1/operations} resource; this only starts trainings (and answers one old status call).
 */
@Path("/training")
@Produces(MediaType.APPLICATION_JSON)
public class HostTrainingResource {

    private final HostTrainingService trainings;
    private final OperationsService operations;

    public HostTrainingResource(HostTrainingService trainings, OperationsService operations) {
        this.trainings = trainings;
        this.operations = operations;
    }

    /** Starts a training: 202 with {@code session_id}, {@code operation_id} and {@code status}, at once. */
    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(TrainingRequest request) {
        TrainingStartResponse started = trainings.start(request);
        return OperationResponses.accepted(started, started.operationId(), operations.cacheTtl());
    }

    /** Kept for old clients: use {@code GET /api/v1/operations/host_training_{session_id}} instead. */
    @GET
    @Path("/status/{session_id}")
    @Deprecated
    @Operation(deprecated = true, summary = "Deprecated: use GET /api/v1/operations/host_training_{session_id}")
    public Response status(@PathParam("session_id") String sessionId) {
        LegacyTrainingStatus status = LegacyTrainingStatus.of(sessionId, trainings.bySession(sessionId));
        return Response.ok(status)
                .header("Deprecation", "true")
                .header("Link", "<" + status.useInstead() + ">; rel=\"successor-version\"")
                .build();
    }
}

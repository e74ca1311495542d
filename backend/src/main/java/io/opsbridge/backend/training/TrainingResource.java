package io.opsbridge.backend.training;

import io.opsbridge.core.security.RateLimited;
import io.opsbridge.core.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.opsbridge.core.rest.OperationResponses;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/trainings}: answers 202 with the new operation at once; the client follows
 * it at {@code /api/v1/operations/{id}}. An {@code Idempotency-Key} makes retries safe.
 */
@Path("/api/v1/trainings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class TrainingResource {

    private final TrainingService trainings;
    private final IdempotencyKeys idempotencyKeys;
    private final OperationsService operations;

    public TrainingResource(TrainingService trainings, IdempotencyKeys idempotencyKeys, OperationsService operations) {
        this.trainings = trainings;
        this.idempotencyKeys = idempotencyKeys;
        this.operations = operations;
    }

    @RateLimited(RateLimited.Kind.STARTS)
    @POST
    public Response start(TrainingRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        TrainingRequest valid = trainings.validate(request);
        return OperationResponses.accepted(
                idempotencyKeys.startOnce(idempotencyKey, valid, () -> trainings.start(valid)),
                operations.cacheTtl());
    }
}

package io.opsbridge.backend.data;

import io.opsbridge.core.security.RateLimited;
import io.opsbridge.core.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.opsbridge.core.rest.OperationResponses;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.data.DataLoadRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/data/loads}: answers 202 with the new {@code data_loading} operation at once;
 * the client follows it at {@code /api/v1/operations/{id}}, symbol by symbol. An
 * {@code Idempotency-Key} makes retries safe.
 */
@Path("/api/v1/data/loads")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class DataLoadResource {

    private final DataLoadService loads;
    private final IdempotencyKeys idempotencyKeys;
    private final OperationsService operations;

    public DataLoadResource(DataLoadService loads, IdempotencyKeys idempotencyKeys, OperationsService operations) {
        this.loads = loads;
        this.idempotencyKeys = idempotencyKeys;
        this.operations = operations;
    }

    @RateLimited(RateLimited.Kind.STARTS)
    @POST
    public Response start(DataLoadRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        DataLoadRequest valid = loads.validate(request);
        return OperationResponses.accepted(
                idempotencyKeys.startOnce(idempotencyKey, valid, () -> loads.start(valid)),
                operations.cacheTtl());
    }
}

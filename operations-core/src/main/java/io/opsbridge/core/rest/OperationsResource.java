package io.opsbridge.core.rest;

import io.opsbridge.core.InvalidRequestException;
import io.opsbridge.core.OperationStatus;
import io.opsbridge.core.OperationType;
import io.opsbridge.core.OperationsService;
import io.opsbridge.core.api.MetricsResponse;
import io.opsbridge.core.api.OperationInfo;
import io.opsbridge.core.api.OperationList;
import io.opsbridge.core.api.OperationQuery;
import io.opsbridge.core.api.OperationResults;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The {@code /api/v1/operations} contract, served unchanged by every process that runs operations.
 * Query parameters are taken as text and parsed here so a bad value is a 400 that names it.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private final OperationsService operations;

    public OperationsResource(OperationsService operations) {
        this.operations = operations;
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @QueryParam("force_refresh") @DefaultValue("false") String forceRefresh) {
        return OperationResponses.ok(operations.get(id, QueryParams.bool("force_refresh", forceRefresh)), operations.cacheTtl());
    }

    @GET
    public OperationList list(@QueryParam("status") String status, @QueryParam("operation_type") String type,
            @QueryParam("limit") @DefaultValue("50") String limit, @QueryParam("offset") @DefaultValue("0") String offset) {
        return operations.list(new OperationQuery(
                status == null || status.isBlank() ? null : OperationStatus.fromWire(status),
                type == null || type.isBlank() ? null : OperationType.fromWire(type),
                QueryParams.integer("limit", limit), QueryParams.integer("offset", offset)));
    }

    @GET
    @Path("/{id}/metrics")
    public MetricsResponse metrics(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue("0") String cursor) {
        return operations.metrics(id, QueryParams.integer("cursor", cursor));
    }

    @GET
    @Path("/{id}/results")
    public OperationResults results(@PathParam("id") String id) {
        return operations.results(id);
    }

    @POST
    @Path("/{id}/cancel")
    public OperationInfo cancel(@PathParam("id") String id) {
        return operations.cancel(id);
    }

    /** Query parameter parsing with 400s that name the parameter. */
    static final class QueryParams {
        private QueryParams() {
        }

        static int integer(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(name, "must be an integer, was '" + value + "'");
            }
        }

        static boolean bool(String name, String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0", "" -> false;
                default -> throw new InvalidRequestException(name, "must be true or false, was '" + value + "'");
            };
        }
    }
}

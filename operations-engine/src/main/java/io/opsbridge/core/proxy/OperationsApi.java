package io.opsbridge.core.proxy;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationResults;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The typed {@code /api/v1/operations} client; {@link OperationServiceProxy} owns its failures. */
@RegisterRestClient
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
interface OperationsApi {

    /** The first page of the host's operations (a one-job host holds exactly one). */
    @GET
    OperationList list();

    /** Asynchronous, as every read here: the answer completes the stage on an event loop, no thread waits for it. */
    @GET
    @Path("/{id}")
    CompletionStage<OperationInfo> read(@PathParam("id") String id, @QueryParam("force_refresh") boolean forceRefresh);

    /** The host's long-poll, asynchronous: no thread waits for its answer. */
    @GET
    @Path("/{id}")
    CompletionStage<OperationInfo> whenChanged(@PathParam("id") String id, @QueryParam("wait") String wait,
            @QueryParam("since_version") long sinceVersion);

    @GET
    @Path("/{id}/metrics")
    CompletionStage<MetricsResponse> metrics(@PathParam("id") String id, @QueryParam("cursor") int cursor);

    @GET
    @Path("/{id}/logs")
    LogsResponse logs(@PathParam("id") String id, @QueryParam("cursor") int cursor);

    @GET
    @Path("/{id}/results")
    CompletionStage<OperationResults> results(@PathParam("id") String id);

    @POST
    @Path("/{id}/cancel")
    OperationInfo cancel(@PathParam("id") String id);
}

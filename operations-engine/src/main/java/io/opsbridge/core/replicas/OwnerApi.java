package io.opsbridge.core.replicas;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The {@code /api/v1/operations} API of the replica that owns an operation, as another replica
 * forwards to it: every call names the replica it is meant for and the one forwarding it
 * ({@link Forwarding}), and a cancel the caller it is made for.
 */
@RegisterRestClient
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public interface OwnerApi {

    @GET
    @Path("/{id}")
    CompletionStage<OperationInfo> read(@PathParam("id") String id, @QueryParam("force_refresh") boolean forceRefresh,
            @HeaderParam(Forwarding.TO) String to, @HeaderParam(Forwarding.BY) String by);

    @GET
    @Path("/{id}")
    CompletionStage<OperationInfo> whenChanged(@PathParam("id") String id, @QueryParam("wait") String wait,
            @QueryParam("since_version") long sinceVersion, @HeaderParam(Forwarding.TO) String to,
            @HeaderParam(Forwarding.BY) String by);

    @GET
    @Path("/{id}/logs")
    LogsResponse logs(@PathParam("id") String id, @QueryParam("cursor") int cursor, @HeaderParam(Forwarding.TO) String to,
            @HeaderParam(Forwarding.BY) String by);

    @POST
    @Path("/{id}/cancel")
    OperationInfo cancel(@PathParam("id") String id, @HeaderParam(Forwarding.TO) String to,
            @HeaderParam(Forwarding.BY) String by, @HeaderParam(Forwarding.FOR) String caller);
}

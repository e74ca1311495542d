package io.opsbridge.backend.signals;

import io.opsbridge.core.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.opsbridge.api.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /api/v1/signals/generate}: signals from the serving model, which every answer names
 * in {@code metadata.model_version}. 400 for bad input (naming the field), 404 naming missing data,
 * 503 when no model is loaded.
 */
@Path("/api/v1/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class SignalsResource {

    private final SignalService signals;

    public SignalsResource(SignalService signals) {
        this.signals = signals;
    }

    @POST
    @Path("/generate")
    public SignalResponse generate(SignalRequest request) {
        return signals.generate(request);
    }

    @ServerExceptionMapper
    public Response missingData(MissingMarketDataException e) {
        return Response.status(404).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:opsbridge:problem:data-not-found", "Market data not found", 404,
                        e.getMessage(), "symbols"))
                .build();
    }
}

package io.opsbridge.backend.signals;

import io.opsbridge.server.problem.ProblemAnswer;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /api/v1/signals/generate}: signals from the serving model, which every answer names
 * in {@code metadata.model_version}. 400 for bad input (naming the field), 404 naming missing data,
 * 503 when no model is loaded.
 */
@Path("/api/v1/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "signals", description = "Trading signals from the model serving now")
@RolesAllowed(Roles.VIEWER)
public class SignalsResource {

    private final SignalService signals;

    public SignalsResource(SignalService signals) {
        this.signals = signals;
    }

    @POST
    @Path("/generate")
    @Operation(operationId = "generateSignals", summary = "Rank symbols by the serving model's prediction", description = "Ranks by p(up) - p(down) of the bar after as_of_date (default the newest bar); top_n get 1/top_n, bottom_n get -1/bottom_n")
    @APIResponse(responseCode = "200", description = "Signals with weights and the model version that produced them")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public SignalResponse generate(SignalRequest request) {
        return signals.generate(request);
    }

    @ServerExceptionMapper
    public Response missingData(MissingMarketDataException e) {
        return ProblemAnswer.of(404, "data-not-found", "Market data not found").detail(e.getMessage()).field("symbols")
                .response();
    }
}

package io.opsbridge.backend.models.rest;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import io.opsbridge.workloads.training.Names;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The registry over HTTP: {@code GET /api/v1/models?strategy=}, {@code GET /api/v1/models/{strategy}/{version}}
 * and {@code POST /api/v1/models/{strategy}/{version}/activate}, which loads the version, makes it
 * the strategy's active one and serves it at once (409 with the cause if it cannot load; the
 * previous version then stays active and serving).
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "Trained model versions and the one serving")
@RolesAllowed(Roles.VIEWER)
public class ModelsResource {

    private final ModelRegistry registry;

    public ModelsResource(ModelRegistry registry) {
        this.registry = registry;
    }

    /** {@code {"models": [...], "total": n}}, oldest version first. */
    public record ModelList(List<ModelVersion> models, int total) {
    }

    @GET
    @Operation(operationId = "listModelVersions", summary = "List the model versions of a strategy, oldest first")
    @APIResponse(responseCode = "200", description = "The versions with status, metrics and config")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ModelList list(@QueryParam("strategy") String strategy) {
        String name = strategy == null || strategy.isBlank() ? null : strategy.trim();
        if (name != null) {
            Names.requireStrategy("strategy", name);
        }
        List<ModelVersion> models = registry.store().list(name);
        return new ModelList(models, models.size());
    }

    @GET
    @Path("/{strategy}/{version}")
    @Operation(operationId = "getModelVersion", summary = "Read one model version")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModelVersion get(@PathParam("strategy") String strategy, @PathParam("version") String version) {
        requireNames(strategy, version);
        return registry.store().find(strategy, version).orElseThrow(() -> new ModelNotFoundException(strategy, version));
    }

    @RateLimited(RateLimited.Kind.ADMIN)
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{strategy}/{version}/activate")
    @Operation(operationId = "activateModelVersion", summary = "Activate a model version and serve it", description = "Loads it, runs a smoke prediction, then swaps it in; requests in flight finish on the old model")
    @APIResponse(responseCode = "200", description = "The version, now active and serving")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public ModelVersion activate(@PathParam("strategy") String strategy, @PathParam("version") String version) {
        requireNames(strategy, version);
        return registry.activate(strategy, version);
    }

    // Versions are the registry's own names (v1, v2, ...): anything else cannot exist.
    private static final Pattern VERSION = Pattern.compile("^v[0-9]{1,9}$");

    private static void requireNames(String strategy, String version) {
        Names.requireStrategy("strategy", strategy);
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidRequestException("version", "must look like v1, v2, ..., was '" + Names.abbreviate(version) + "'");
        }
    }
}

package io.opsbridge.backend.models.rest;

import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.ModelRegistry;
import io.opsbridge.backend.models.ModelVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The registry over HTTP: {@code GET /api/v1/models?strategy=}, {@code GET /api/v1/models/{strategy}/{version}}
 * and {@code POST /api/v1/models/{strategy}/{version}/activate}, which loads the version, makes it
 * the strategy's active one and serves it at once (500 with the cause if it cannot load; the
 * previous version then stays active and serving).
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelRegistry registry;

    public ModelsResource(ModelRegistry registry) {
        this.registry = registry;
    }

    /** {@code {"models": [...], "total": n}}, oldest version first. */
    public record ModelList(List<ModelVersion> models, int total) {
    }

    @GET
    public ModelList list(@QueryParam("strategy") String strategy) {
        List<ModelVersion> models = registry.store().list(strategy == null || strategy.isBlank() ? null : strategy.trim());
        return new ModelList(models, models.size());
    }

    @GET
    @Path("/{strategy}/{version}")
    public ModelVersion get(@PathParam("strategy") String strategy, @PathParam("version") String version) {
        return registry.store().find(strategy, version).orElseThrow(() -> new ModelNotFoundException(strategy, version));
    }

    @POST
    @Path("/{strategy}/{version}/activate")
    public ModelVersion activate(@PathParam("strategy") String strategy, @PathParam("version") String version) {
        return registry.activate(strategy, version);
    }
}

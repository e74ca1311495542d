package io.opsbridge.backend.models.rest;

import io.opsbridge.backend.models.ModelLoadException;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.NoModelLoadedException;
import io.opsbridge.backend.models.ReloadResult;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.models.serving.LoadedModel;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import io.opsbridge.workloads.training.ModelDescriptor;
import io.opsbridge.workloads.training.Names;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The serving model: {@code GET /api/v1/model/info} and {@code POST /api/v1/model/reload}, which
 * serves the registry's active version if it is not serving yet: 200 with
 * {@code {"reloaded", "version", "previous_version", "message"}}, 503 before the registry has
 * started, 409 with the cause when the new version could not be loaded (the old one keeps serving).
 * Both take {@code ?strategy=}, by default {@code opsbridge.models.strategy}.
 */
@Path("/api/v1/model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "Trained model versions and the one serving")
@RolesAllowed(Roles.VIEWER)
public class ModelInfoResource {

    private final ModelRegistry registry;
    private final ModelsConfig config;

    public ModelInfoResource(ModelRegistry registry, ModelsConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @GET
    @Path("/info")
    @Operation(operationId = "getServingModel", summary = "Show the model serving now")
    @APIResponse(responseCode = "200", description = "The serving model of the strategy")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ModelInfo info(@QueryParam("strategy") String strategy) {
        String s = strategyOrDefault(strategy);
        Optional<LoadedModel> serving = registry.serving(s);
        ModelRegistry.ReloadFailure failure = registry.lastFailure().orElse(null);
        long interval = config.reloadInterval().toSeconds();
        if (serving.isEmpty()) {
            String message = registry.isInitialized() ? "no model loaded for strategy " + s : "Model registry not initialized";
            return new ModelInfo(s, false, null, null, null, null, null, null, null, null, null, null, null,
                    registry.reloads(), registry.failedReloads(), failure, interval, message);
        }
        LoadedModel model = serving.get();
        ModelDescriptor descriptor = model.predictor().descriptor();
        return new ModelInfo(s, true, model.version().version(), model.version().modelPath(),
                model.version().operationId(), model.version().activatedAt(), model.loadedAt(), model.loadMillis(),
                Math.max(0, model.references() - 1), descriptor.timeframe(), descriptor.symbols(),
                descriptor.featureNames(), model.version().performanceMetrics(), registry.reloads(),
                registry.failedReloads(), failure, interval, model.version().label() + " is serving");
    }

    @RateLimited(RateLimited.Kind.ADMIN)
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/reload")
    @Operation(operationId = "reloadModel", summary = "Serve the registry's active version")
    @APIResponse(responseCode = "200", description = "Reloaded or already serving it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict") // the active version could not be loaded; the old one keeps serving
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public ReloadResult reload(@QueryParam("strategy") String strategy) {
        if (!registry.isInitialized()) {
            throw new NoModelLoadedException("Model registry not initialized");
        }
        ReloadResult result = registry.reloadOnRequest(strategyOrDefault(strategy));
        if (result.failed()) {
            throw new ModelLoadException("reload failed: " + result.message());
        }
        return result;
    }

    private String strategyOrDefault(String strategy) {
        String name = strategy == null || strategy.isBlank() ? config.strategy() : strategy.trim();
        Names.requireStrategy("strategy", name);
        return name;
    }
}

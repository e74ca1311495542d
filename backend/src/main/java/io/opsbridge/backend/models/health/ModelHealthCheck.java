package io.opsbridge.backend.models.health;

import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.models.serving.LoadedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "model loaded". UP with the serving version (and, if the registry's active version
 * could not be loaded, that version and the failure as data: the old model still serves, and since
 * every replica would fail alike, none should leave the pool for it). Also UP with
 * {@code loaded: false} when the registry has no active version: a fresh installation that has
 * never trained is ready to train, and {@code run.sh} waits for readiness before its first training.
 * DOWN while the registry starts, and when an active version exists but nothing could be loaded.
 */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    static final String NAME = "model loaded";

    private final ModelRegistry registry;
    private final ModelsConfig config;

    public ModelHealthCheck(ModelRegistry registry, ModelsConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        String strategy = config.strategy();
        HealthCheckResponseBuilder health = HealthCheckResponse.named(NAME).withData("strategy", strategy);
        if (!registry.isInitialized()) {
            return health.down().withData("loaded", false).withData("reason", "Model registry not initialized").build();
        }
        Optional<LoadedModel> serving = registry.serving(strategy);
        Optional<ModelVersion> active;
        try {
            active = registry.store().active(strategy);
        } catch (RuntimeException e) {
            return serving.isPresent()
                    ? health.up().withData("loaded", true).withData("version", serving.get().version().version())
                            .withData("registry", "unavailable: " + e.getMessage()).build()
                    : health.down().withData("loaded", false).withData("reason", e.getMessage()).build();
        }
        if (serving.isPresent()) {
            ModelVersion version = serving.get().version();
            health.up().withData("loaded", true).withData("version", version.version());
            if (active.isPresent() && active.get().id() != version.id()) {
                health.withData("active_version", active.get().version()).withData("reason",
                        registry.lastFailure().map(ModelRegistry.ReloadFailure::message).orElse("not loaded yet"));
            }
            return health.build();
        }
        if (active.isEmpty()) {
            return health.up().withData("loaded", false)
                    .withData("reason", "no active model yet; train one and activate it").build();
        }
        return health.down().withData("loaded", false).withData("active_version", active.get().version())
                .withData("reason", registry.lastFailure().map(ModelRegistry.ReloadFailure::message)
                        .orElse("active version not loaded yet")).build();
    }
}

package io.opsbridge.backend.models.rest;

import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every HTTP answer carries {@code X-OpsBridge-Model-Version}: the version of the default strategy
 * ({@code opsbridge.models.strategy}) serving when the request arrived, or {@code none}, next to
 * {@code X-OpsBridge-Settings-Version}, so a client or a load balancer sees which model a replica serves.
 */
@ApplicationScoped
public class ModelVersionHeader {

    /** The header's name. */
    public static final String NAME = "X-OpsBridge-Model-Version";

    void install(@Observes Router router, ModelRegistry registry, ModelsConfig config) {
        String strategy = config.strategy();
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            context.response().putHeader(NAME,
                    registry.serving(strategy).map(m -> m.version().version()).orElse("none"));
            context.next();
        });
    }
}

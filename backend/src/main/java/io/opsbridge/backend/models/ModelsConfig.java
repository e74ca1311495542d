package io.opsbridge.backend.models;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The model registry and the serving model. */
@ConfigMapping(prefix = "opsbridge.models")
public interface ModelsConfig {

    /** The strategy whose active version this backend serves for signals. */
    @WithDefault("mlp_direction")
    String strategy();

    /** How often the registry is checked for a newly active version (the safety net of every other trigger). */
    @WithDefault("300s")
    Duration reloadInterval();

    /** Whether a completed training activates its model when the request does not say ({@code auto_activate}). */
    @WithDefault("false")
    boolean autoActivate();
}

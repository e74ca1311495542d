package io.opsbridge.core.hosts;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where the work of one type runs: the base of each type's {@code @ConfigMapping}
 * ({@code opsbridge.training.routing}, {@code opsbridge.data.routing}). Read from the current
 * settings at every start, so a changed list or default takes effect at the next one.
 */
public interface RoutingConfig {

    /** Base URLs of the hosts for {@code mode=host}, used round robin, e.g. {@code http://gpu-1:8081,http://gpu-2:8081}; none: host mode is refused. */
    Optional<List<String>> hosts();

    /** The mode of a request that names none: {@code local} or {@code host}. */
    @WithDefault("local")
    String defaultMode();
}

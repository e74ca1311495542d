package io.opsbridge.backend.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where the backend runs trainings: in-process, or on one of the configured training hosts. */
@ConfigMapping(prefix = "opsbridge.training")
public interface TrainingRoutingConfig {

    /** Base URLs of training hosts, e.g. {@code http://gpu-1:8081,http://gpu-2:8081}; none means no host mode. */
    Optional<List<String>> hosts();

    /** The mode of a request that names none: {@code local} or {@code host}. */
    @WithDefault("local")
    String defaultMode();
}

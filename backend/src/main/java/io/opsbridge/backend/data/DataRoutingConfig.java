package io.opsbridge.backend.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where the backend sends data loads that ask for {@code mode=host}. */
@ConfigMapping(prefix = "opsbridge.data.routing")
public interface DataRoutingConfig {

    /** Base URLs of the data hosts, used round robin (e.g. {@code http://data-1:8082,http://data-2:8082}); none: host mode refused. */
    Optional<List<String>> hosts();

    /** The mode of a request that names none: {@code local} or {@code host}. */
    @WithDefault("local")
    String defaultMode();
}

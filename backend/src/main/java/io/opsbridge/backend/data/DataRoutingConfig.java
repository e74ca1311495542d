package io.opsbridge.backend.data;

import io.opsbridge.core.hosts.RoutingConfig;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/** Where the backend runs data loads ({@code opsbridge.data.routing.*}): in-process, or on one of the data hosts. */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.data.routing")
public interface DataRoutingConfig extends RoutingConfig {
}

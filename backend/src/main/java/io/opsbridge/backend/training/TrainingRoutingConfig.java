package io.opsbridge.backend.training;

import io.opsbridge.core.hosts.RoutingConfig;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/** Where the backend runs trainings: in-process, or on one of the training hosts. */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.training")
public interface TrainingRoutingConfig extends RoutingConfig {
}

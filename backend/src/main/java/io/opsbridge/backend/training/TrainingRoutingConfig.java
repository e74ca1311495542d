package io.opsbridge.backend.training;

import io.opsbridge.core.hosts.RoutingConfig;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * Where the backend runs trainings ({@code opsbridge.training.routing.*}): in-process, or on one of
 * the training hosts. The old {@code opsbridge.training.hosts} and {@code opsbridge.training.default-mode}
 * still work, with a deprecation warning ({@link io.opsbridge.backend.config.RenamedKeys}).
 */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.training.routing")
public interface TrainingRoutingConfig extends RoutingConfig {
}

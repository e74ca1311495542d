package io.opsbridge.backend.training;

import io.opsbridge.core.hosts.RoutingConfig;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the backend runs trainings ({@code opsbridge.training.routing.*}): in-process, or with
 * {@code mode=host} on the engine the settings name: one of the training hosts, or a Kubernetes Job. The old {@code opsbridge.training.hosts} and {@code opsbridge.training.default-mode}
 * still work, with a deprecation warning ({@link io.opsbridge.backend.config.RenamedKeys}).
 */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.training.routing")
public interface TrainingRoutingConfig extends RoutingConfig {

    /** Where {@code mode=host} trainings run: {@code hosts} (the host list) or {@code kubernetes} (one Job each, {@code opsbridge.kubernetes.*}). */
    @WithDefault("hosts")
    String engine();
}

package io.opsbridge.workloads.training;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How an interrupted training runs again: the runtime settings {@code opsbridge.training.resume} and {@code max-attempts}. */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.training")
public interface TrainingAttemptsConfig {

    /**
     * {@code on}: a process that starts and finds trainings it left running resumes them from their last
     * checkpoint as a new attempt; {@code off}: it fails them ({@code interrupted: process restarted}).
     */
    @WithDefault("on")
    boolean resume();

    /** The most attempts one training may have, the first included; a resume beyond it is refused. */
    @WithDefault("3")
    int maxAttempts();
}

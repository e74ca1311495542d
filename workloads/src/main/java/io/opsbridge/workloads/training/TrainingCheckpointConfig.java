package io.opsbridge.workloads.training;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often trainings leave checkpoints and how many they keep ({@code opsbridge.training.*}); runtime
 * settings, read from the settings snapshot at each training start ({@link TrainingJobs}).
 */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.training")
public interface TrainingCheckpointConfig {

    /** A training writes a checkpoint after every this many epochs (at least 1). */
    @WithDefault("1")
    int checkpointEvery();

    /** How many of a training's newest checkpoints are kept (at least 1). */
    @WithDefault("2")
    int checkpointKeep();
}

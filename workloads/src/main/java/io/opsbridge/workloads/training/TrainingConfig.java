package io.opsbridge.workloads.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where a process's in-process trainings read data and write models. */
@ConfigMapping(prefix = "opsbridge.training")
public interface TrainingConfig {

    /** Directory of {@code {SYMBOL}_{timeframe}.csv} datasets, written by data loads (the dataset store). */
    @WithDefault("data/market")
    Path dataDir();

    /** Directory where trained model artifacts are written. */
    @WithDefault("data/models")
    Path modelsDir();
}

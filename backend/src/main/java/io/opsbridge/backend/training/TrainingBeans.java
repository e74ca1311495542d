package io.opsbridge.backend.training;

import io.opsbridge.workloads.training.DjlDefaults;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the plain-Java training workload from {@code workloads} into this application. The sample
 * data set is no longer written here: it is loaded at startup through the data loader
 * ({@code io.opsbridge.workloads.data.DataLoadingBeans}), like any other dataset.
 */
@ApplicationScoped
public class TrainingBeans {

    @Produces
    @Singleton
    TrainingOrchestrator orchestrator(TrainingConfig config) {
        DjlDefaults.apply();
        return new TrainingOrchestrator(new TrainingSettings(config.dataDir(), config.modelsDir()));
    }
}

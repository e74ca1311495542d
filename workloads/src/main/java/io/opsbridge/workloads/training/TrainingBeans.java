package io.opsbridge.workloads.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the plain-Java training workload into whichever Quarkus application trains (the backend in
 * local mode, the training host), so both run the very same orchestrator. The sample data set is
 * not written here: it is loaded at startup through the data loader
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

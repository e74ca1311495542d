package io.opsbridge.backend.training;

import io.opsbridge.workloads.training.DjlDefaults;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Wires the plain-Java training workload from {@code workloads} into this application. */
@ApplicationScoped
public class TrainingBeans {

    private static final Logger LOG = Logger.getLogger(TrainingBeans.class);

    @Produces
    @Singleton
    TrainingOrchestrator orchestrator(TrainingConfig config) {
        DjlDefaults.apply();
        return new TrainingOrchestrator(new TrainingSettings(config.dataDir(), config.modelsDir()));
    }

    void writeSampleData(@Observes StartupEvent event, TrainingConfig config) {
        if (config.sampleData()) {
            new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).ensureDefaults(config.dataDir());
            LOG.infof("market data directory: %s", config.dataDir().toAbsolutePath());
        }
    }
}

package io.opsbridge.workloads.training;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Wires the plain-Java training workload into whichever Quarkus application trains (the backend in
 * local mode, the training host), so both run the very same orchestrator.
 */
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

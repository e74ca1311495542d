package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Wires the plain-Java data workload into whichever Quarkus application loads data (the backend in
 * local mode, the data host), so both run the very same loader.
 */
@ApplicationScoped
public class DataLoadingBeans {

    private static final Logger LOG = Logger.getLogger(DataLoadingBeans.class);

    @Produces
    @Singleton
    DataLoader loader(DataConfig config) {
        return new DataLoader(new DatasetStore(config.datasetsDir()), List.of(new CsvDirectorySource(config.sourceDir()),
                new SampleSource(new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED))), config.progressEveryRows());
    }

    /**
     * Loads the synthetic sample set through the loader (validated and written like any load) where
     * it is not loaded yet, so a fresh install can train at once, offline. Existing datasets are kept.
     */
    void loadSampleData(@Observes StartupEvent event, DataConfig config, DataLoader loader) {
        LOG.infof("dataset store: %s, csv source: %s", config.datasetsDir().toAbsolutePath().normalize(),
                config.sourceDir().toAbsolutePath().normalize());
        if (!config.sampleAtStartup()) {
            return;
        }
        List<String> missing = SampleDataGenerator.DEFAULT_SYMBOLS.stream()
                .filter(s -> !loader.store().exists(s, SampleDataGenerator.DEFAULT_TIMEFRAME))
                .toList();
        if (!missing.isEmpty()) {
            try {
                DataLoadResult result = loader.run("startup", DataLoadRequest.of(missing,
                        SampleDataGenerator.DEFAULT_TIMEFRAME, DataLoadRequest.SOURCE_SAMPLE), new DataLoadingProgressBridge());
                LOG.infof("Loaded the SYNTHETIC sample set %s %s: %d rows in %d ms", missing,
                        SampleDataGenerator.DEFAULT_TIMEFRAME, result.rowsLoaded(), result.durationMs());
            } catch (DataFileException e) {
                // a convenience never stops a start: replicas sharing one data directory start together, say
                LOG.warnf("the sample set was not loaded here: %s", e.getMessage());
            }
        }
    }
}

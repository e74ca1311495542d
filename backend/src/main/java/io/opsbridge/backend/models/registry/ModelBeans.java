package io.opsbridge.backend.models.registry;

import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.ReloadResult;
import io.opsbridge.backend.models.serving.ModelLoader;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.opsbridge.backend.reload.PeriodicCheck;
import io.opsbridge.core.settings.Settings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Wires the registry to the application: the store on the application's datasource, the startup
 * load of the active model, and the one scheduled task, the registry check every
 * {@code opsbridge.models.reload-interval}, read from the current settings.
 */
@ApplicationScoped
public class ModelBeans {

    private static final Logger LOG = Logger.getLogger(ModelBeans.class);

    private PeriodicCheck check;

    @Produces
    @Singleton
    ModelRegistryStore store(DataSource dataSource) {
        return new ModelRegistryStore(dataSource);
    }

    @Produces
    @Singleton
    ModelRegistry registry(ModelRegistryStore store) {
        return new ModelRegistry(store, new ModelLoader());
    }

    /** {@code config} is the startup value of the served strategy (a restart setting); the interval follows the settings. */
    void start(@Observes StartupEvent event, ModelRegistry registry, ModelsConfig config, Settings settings) {
        registry.initialize(Set.of(config.strategy()));
        check = new PeriodicCheck("model-reload", () -> models(settings).reloadInterval(),
                () -> reloadAll(registry, config));
        settings.observe((previous, current, diff) -> {
            if (!previous.section(ModelsConfig.class).reloadInterval().equals(models(settings).reloadInterval())) {
                check.rearm();
            }
        });
        check.start();
    }

    private static ModelsConfig models(Settings settings) {
        return settings.current().section(ModelsConfig.class);
    }

    void stop(@Observes ShutdownEvent event, ModelRegistry registry) {
        if (check != null) {
            check.close();
        }
        registry.close();
    }

    /** Background checks run so far. */
    public long checkRuns() {
        return check == null ? 0 : check.runs();
    }

    /** Background checks that threw (a failed load is reported, not thrown; a database outage throws). */
    public long checkFailures() {
        return check == null ? 0 : check.failures();
    }

    private static void reloadAll(ModelRegistry registry, ModelsConfig config) {
        Set<String> strategies = new LinkedHashSet<>();
        strategies.add(config.strategy());
        strategies.addAll(registry.servedStrategies());
        for (String strategy : strategies) {
            ReloadResult result = registry.reloadIfChanged(strategy);
            if (result.reloaded() || result.failed()) {
                LOG.infof("model reload check, %s: %s", strategy, result.message());
            } else {
                LOG.debugf("model reload check, %s: %s", strategy, result.message());
            }
        }
    }
}

package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.Settings;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Wires the reload into an application: its sections (the engine's and every {@link SettingsSection}
 * bean), the history (written to a {@link SettingsHistory.Store} bean if there is one), the
 * first read of the file at startup, the directory watch and SIGHUP (installed when the app starts;
 * whether it works here is a bean, {@link HangupSignal.Status}, that the admin view shows).
 */
@ApplicationScoped
public class SettingsReloadBeans {

    private static final Logger LOG = Logger.getLogger(SettingsReloadBeans.class);

    private SettingsFileWatch watch;

    @Produces
    @Singleton
    SettingsCatalog catalog(@All List<SettingsSection> sections) {
        List<SettingsSection> all = new ArrayList<>();
        all.add(new CoreSettingsSection());
        all.addAll(sections);
        return new SettingsCatalog(all);
    }

    @Produces
    @Singleton
    SettingsHistory history(Instance<SettingsHistory.Store> store) {
        return store.isResolvable() ? new SettingsHistory(store.get()) : new SettingsHistory();
    }

    @Produces
    @Singleton
    SettingsReloader reloader(Settings settings, SettingsCatalog catalog, SettingsHistory history,
            SettingsReloadConfig config, @All List<ReloadListener> listeners) {
        return new SettingsReloader(settings, catalog, new SettingsFile(config.file()), history, listeners);
    }

    @Produces
    @Singleton
    HangupSignal.Status hangup(SettingsReloader reloader, SettingsReloadConfig config) {
        return config.signal() ? HangupSignal.install(reloader) : HangupSignal.off();
    }

    void start(@Observes StartupEvent event, SettingsReloader reloader, SettingsReloadConfig config,
            HangupSignal.Status hangup) {
        Path file = config.file();
        if (Files.exists(file)) {
            reloader.reload("startup", false);
        } else {
            LOG.infof("no runtime settings file at %s: running on the startup configuration", file.toAbsolutePath());
        }
        if (config.watch()) {
            try {
                watch = new SettingsFileWatch(file, reloader, config.debounce(), config.recheckInterval());
                watch.start();
            } catch (IOException e) {
                LOG.warnf("cannot watch %s (%s): reload by SIGHUP or the admin call", file.toAbsolutePath().getParent(),
                        e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event, SettingsReloader reloader) {
        if (watch != null) {
            watch.close();
        }
        reloader.close();
    }
}

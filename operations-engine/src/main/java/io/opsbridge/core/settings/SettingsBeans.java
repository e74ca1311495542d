package io.opsbridge.core.settings;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's {@link Settings}, starting from its own configuration. The engine's mappings are
 * parameters so that Quarkus registers them (it registers the mappings something injects); an
 * application's own sections are registered the same way, by being injected somewhere.
 */
public class SettingsBeans {

    @Produces
    @Singleton
    Settings settings(OperationsConfig operations, StallConfig stall, StoreConfig store, ProxyConfig proxy,
            LongPollConfig longPoll) {
        return new Settings(RuntimeSettings.from(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class), 1));
    }
}

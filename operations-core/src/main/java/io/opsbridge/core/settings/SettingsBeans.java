package io.opsbridge.core.settings;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The application's {@link Settings}, starting from its own configuration. */
public class SettingsBeans {

    @Produces
    @Singleton
    Settings settings() {
        return new Settings(RuntimeSettings.from(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class), 1));
    }
}

package io.opsbridge.core.settings.reload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where the runtime settings file is and how its changes are noticed; read at startup. */
@ConfigMapping(prefix = "opsbridge.settings")
public interface SettingsReloadConfig {

    /** The runtime settings file; without it the process runs on its startup configuration. */
    @WithDefault("config/opsbridge-runtime.properties")
    Path file();

    /** Watch the file's directory and reload when something in it changes. */
    @WithDefault("true")
    boolean watch();

    /** How long the directory must be quiet after an event before the file is read. */
    @WithDefault("200ms")
    Duration debounce();

    /** How often the file is read anyway, in case a change produced no event. */
    @WithDefault("30s")
    Duration recheckInterval();

    /** Reload on {@code kill -HUP}. */
    @WithDefault("true")
    boolean signal();
}

package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Timeouts of every call to a worker host. */
@ConfigMapping(prefix = "opsbridge.proxy")
public interface ProxyConfig {

    /** How long to wait for a connection to a host before calling it unreachable. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for a host's answer once connected before calling it a timeout. */
    @WithDefault("5s")
    Duration readTimeout();
}

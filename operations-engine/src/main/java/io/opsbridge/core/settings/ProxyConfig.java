package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Timeouts and the credential of every call to a worker host. */
@ConfigMapping(prefix = "opsbridge.proxy")
public interface ProxyConfig {

    /** How long to wait for a connection to a host before calling it unreachable. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for a host's answer once connected before calling it a timeout. */
    @WithDefault("5s")
    Duration readTimeout();

    /**
     * The bearer token sent to every host ({@code Authorization: Bearer ...}); a host configured with
     * the same {@code opsbridge.host.token} refuses its mutating calls without it. None: no header.
     */
    Optional<String> token();
}

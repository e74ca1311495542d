package io.opsbridge.core.proxy;

import io.opsbridge.core.settings.ProxyConfig;
import java.time.Duration;

/** The connect and read timeouts a REST client of a worker host is built with. */
public record HostTimeouts(Duration connect, Duration read) {

    /** The timeouts {@code opsbridge.proxy.*} sets in {@code config}. */
    public static HostTimeouts of(ProxyConfig config) {
        return new HostTimeouts(config.connectTimeout(), config.readTimeout());
    }
}

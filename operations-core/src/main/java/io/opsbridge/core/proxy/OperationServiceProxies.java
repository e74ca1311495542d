package io.opsbridge.core.proxy;

import io.opsbridge.core.settings.ProxyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link OperationServiceProxy} per host URL, built with the configured timeouts. */
@ApplicationScoped
public class OperationServiceProxies {

    private final ProxyConfig config;
    private final Map<String, OperationServiceProxy> byUrl = new ConcurrentHashMap<>();

    public OperationServiceProxies(ProxyConfig config) {
        this.config = config;
    }

    /** The proxy for {@code baseUrl}; {@code http://h:8081/} and {@code http://h:8081} share one. */
    public OperationServiceProxy forHost(String baseUrl) {
        return byUrl.computeIfAbsent(HostCalls.normalize(baseUrl),
                url -> new OperationServiceProxy(url, config.connectTimeout(), config.readTimeout()));
    }
}

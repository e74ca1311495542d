package io.opsbridge.core.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link OperationServiceProxy} per host URL and proxy timeouts, its client from {@link RestClients}:
 * the timeouts are read when a proxy is asked for, so a changed timeout reaches the next caller.
 */
@ApplicationScoped
public class OperationServiceProxies {

    private record Key(String url, HostTimeouts timeouts) {
    }

    private final RestClients clients;
    private final Map<Key, OperationServiceProxy> proxies = new ConcurrentHashMap<>();

    public OperationServiceProxies(RestClients clients) {
        this.clients = clients;
    }

    /** The proxy for {@code baseUrl}; {@code http://h:8081/} and {@code http://h:8081} share one. */
    public OperationServiceProxy forHost(String baseUrl) {
        String url = HostCalls.normalize(baseUrl);
        HostTimeouts timeouts = clients.timeouts();
        return proxies.computeIfAbsent(new Key(url, timeouts), key -> OperationServiceProxy.over(url,
                clients.forHost(OperationsApi.class, url, timeouts), timeouts.read()));
    }
}

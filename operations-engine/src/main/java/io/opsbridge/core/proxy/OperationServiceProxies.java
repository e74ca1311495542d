package io.opsbridge.core.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link OperationServiceProxy} per host URL, proxy timeouts and host token, its reads on
 * {@link HostHttp} and its other calls on a client from {@link RestClients}: the settings are read
 * when a proxy is asked for, so a changed timeout or token reaches the next caller.
 */
@ApplicationScoped
public class OperationServiceProxies {

    private record Key(String url, HostTimeouts timeouts, String token) {
    }

    private final RestClients clients;
    private final HostHttp http;
    private final Map<Key, OperationServiceProxy> proxies = new ConcurrentHashMap<>();

    public OperationServiceProxies(RestClients clients, HostHttp http) {
        this.clients = clients;
        this.http = http;
    }

    /** The proxy for {@code baseUrl}; {@code http://h:8081/} and {@code http://h:8081} share one. */
    public OperationServiceProxy forHost(String baseUrl) {
        String url = HostCalls.normalize(baseUrl);
        HostTimeouts timeouts = clients.timeouts();
        String token = clients.token();
        return proxies.computeIfAbsent(new Key(url, timeouts, token), key -> new OperationServiceProxy(url,
                clients.forHost(OperationsApi.class, url, timeouts), http, timeouts, token));
    }
}

package io.opsbridge.backend.data;

import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.settings.ProxyConfig;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadStartResponse;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts loads on data hosts ({@code POST /data/load}); every failure comes out as the
 * {@link io.opsbridge.core.proxy.HostException} of its cause, with the proxy's timeouts.
 */
@ApplicationScoped
public class DataHostClient {

    private final ProxyConfig config;
    private final Map<String, DataHostApi> byUrl = new ConcurrentHashMap<>();

    public DataHostClient(ProxyConfig config) {
        this.config = config;
    }

    /** Starts the load on the host at {@code baseUrl}; returns its session and {@code host_data_*} id. */
    public DataLoadStartResponse start(String baseUrl, DataLoadRequest request) {
        DataHostApi api = byUrl.computeIfAbsent(HostCalls.normalize(baseUrl), url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(DataHostApi.class));
        return HostCalls.call(baseUrl, "POST /data/load", () -> api.load(request));
    }
}

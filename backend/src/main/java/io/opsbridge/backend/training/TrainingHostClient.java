package io.opsbridge.backend.training;

import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.settings.ProxyConfig;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingStartResponse;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts trainings on training hosts, with the proxy's timeouts and failure mapping
 * ({@link io.opsbridge.core.proxy.HostException} subclasses, see {@link HostCalls}).
 */
@ApplicationScoped
public class TrainingHostClient {

    private final ProxyConfig config;
    private final Map<String, TrainingHostApi> byUrl = new ConcurrentHashMap<>();

    public TrainingHostClient(ProxyConfig config) {
        this.config = config;
    }

    /** {@code POST {hostUrl}/training/start}; the host answers at once with the session it made. */
    public TrainingStartResponse start(String hostUrl, TrainingRequest request) {
        String url = HostCalls.normalize(hostUrl);
        TrainingHostApi api = byUrl.computeIfAbsent(url, u -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(u))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(TrainingHostApi.class));
        return HostCalls.call(url, "POST /training/start", () -> api.start(request));
    }
}

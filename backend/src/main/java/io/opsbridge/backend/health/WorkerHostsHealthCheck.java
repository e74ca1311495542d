package io.opsbridge.backend.health;

import io.opsbridge.backend.data.DataRoutingConfig;
import io.opsbridge.backend.training.TrainingRoutingConfig;
import io.opsbridge.core.hosts.RoutingConfig;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.server.health.HostProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "worker hosts": every configured training and data host
 * ({@code opsbridge.{training,data}.routing.hosts}, as in force now), probed at once, as
 * {@code reachable} or {@code unreachable: why}, with the last error any call to it met. Always
 * UP (docs/monitoring.md "Health"): a backend with a host down still runs local work, answers every read
 * (host operations with {@code host_reachable=false}) and routes new host work to the hosts that
 * answer, so taking it out of rotation would turn one host's outage into a full one.
 */
@Readiness
@ApplicationScoped
public class WorkerHostsHealthCheck implements HealthCheck {

    /** Readiness must answer quickly, whatever the proxy's read timeout is. */
    private static final Duration MAX_PROBE = Duration.ofSeconds(2);

    private final Settings settings;
    private final HostStates states;
    /**
     * The probe of the connect timeout in force, kept: an HTTP client per readiness call would start a
     * selector thread each time, and the first one initialises TLS (a few hundred ms of CPU at start).
     */
    private volatile HostProbe probe;

    public WorkerHostsHealthCheck(Settings settings, HostStates states) {
        this.settings = settings;
        this.states = states;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> hosts = configuredHosts();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("worker hosts").up()
                .withData("configured", hosts.size());
        if (hosts.isEmpty()) {
            return response.withData("reachable", 0).build();
        }
        var proxy = settings.current().proxy();
        Duration timeout = atMostMaxProbe(proxy.readTimeout());
        HostProbe probe = probe(atMostMaxProbe(proxy.connectTimeout()));
        List<CompletableFuture<HostProbe.Result>> probes = new ArrayList<>();
        hosts.keySet().forEach(host -> probes.add(probe.probe(host, timeout)));
        long reachable = 0;
        for (CompletableFuture<HostProbe.Result> next : probes) {
            HostProbe.Result result = next.join();
            String key = hosts.get(result.host()) + " " + result.host();
            response.withData(key, result.reachable() ? "reachable" + (result.error() == null ? "" : ", " + result.error())
                    : "unreachable: " + result.error());
            states.of(result.host()).map(HostStates.HostState::lastError).ifPresent(error ->
                    response.withData(key + " last_error", error));
            reachable += result.reachable() ? 1 : 0;
        }
        return response.withData("reachable", reachable).build();
    }

    private HostProbe probe(Duration connectTimeout) {
        HostProbe current = probe;
        if (current == null || !current.connectTimeout().equals(connectTimeout)) {
            current = new HostProbe(states, connectTimeout);
            probe = current;
        }
        return current;
    }

    private static Duration atMostMaxProbe(Duration timeout) {
        return timeout.compareTo(MAX_PROBE) > 0 ? MAX_PROBE : timeout;
    }

    /** Host URL to its kind ({@code training}, {@code data}), in configuration order. */
    private Map<String, String> configuredHosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        add(hosts, "data", settings.current().section(DataRoutingConfig.class));
        add(hosts, "training", settings.current().section(TrainingRoutingConfig.class));
        return hosts;
    }

    private static void add(Map<String, String> hosts, String kind, RoutingConfig routing) {
        routing.hosts().orElse(List.of()).forEach(url -> hosts.merge(HostCalls.normalize(url), kind, (a, b) -> a + "+" + b));
    }
}

package io.opsbridge.backend.health;

import io.opsbridge.backend.hosts.ConfiguredHosts;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.server.health.HostProbe;
import io.opsbridge.server.health.HostProbes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
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
 * answer, so taking it out of rotation would turn one host's outage into a full one. The same probe
 * answers {@code GET /api/v1/admin/hosts}.
 */
@Readiness
@ApplicationScoped
public class WorkerHostsHealthCheck implements HealthCheck {

    private final ConfiguredHosts configured;
    private final HostProbes probes;
    private final HostStates states;

    public WorkerHostsHealthCheck(ConfiguredHosts configured, HostProbes probes, HostStates states) {
        this.configured = configured;
        this.probes = probes;
        this.states = states;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> hosts = configured.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("worker hosts").up()
                .withData("configured", hosts.size());
        long reachable = 0;
        for (HostProbe.Result result : probes.probeAll(hosts.keySet())) {
            String key = hosts.get(result.host()) + " " + result.host();
            response.withData(key, result.reachable() ? "reachable" + (result.error() == null ? "" : ", " + result.error())
                    : "unreachable: " + result.error());
            states.of(result.host()).map(HostStates.HostState::lastError).ifPresent(error ->
                    response.withData(key + " last_error", error));
            reachable += result.reachable() ? 1 : 0;
        }
        return response.withData("reachable", reachable).build();
    }
}

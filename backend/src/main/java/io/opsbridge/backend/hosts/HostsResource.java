package io.opsbridge.backend.hosts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.server.health.HostProbe;
import io.opsbridge.server.health.HostProbes;
import io.opsbridge.server.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/hosts} (read only): every worker host this backend routes to, probed now
 * (its readiness, at most 2 s, all at once): reachable or not, its HTTP status, its worker capacity
 * as the host reports it, and the last error any call to it met and when.
 */
@Path("/api/v1/admin/hosts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Blocking
@Tag(name = "admin", description = "Operator actions: retention, runtime settings")
public class HostsResource {

    /** One host as probed now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HostView(String url, String kind, boolean reachable, int status, String error,
            Map<String, Object> capacity, String lastError, Instant lastErrorAt) {
    }

    /** What {@code GET /api/v1/admin/hosts} answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HostsView(List<HostView> hosts, int reachable, Instant checkedAt) {
    }

    private final ConfiguredHosts configured;
    private final HostProbes probes;
    private final HostStates states;

    public HostsResource(ConfiguredHosts configured, HostProbes probes, HostStates states) {
        this.configured = configured;
        this.probes = probes;
        this.states = states;
    }

    @GET
    @Operation(operationId = "listHosts", summary = "List the worker hosts with their reachability, capacity and last error")
    @APIResponse(responseCode = "200", description = "Every configured training and data host, probed now")
    public HostsView list() {
        Map<String, String> hosts = configured.now();
        List<HostView> views = new ArrayList<>();
        int reachable = 0;
        for (HostProbe.Result result : probes.probeAll(hosts.keySet())) {
            var state = states.of(result.host());
            views.add(new HostView(result.host(), hosts.get(result.host()), result.reachable(), result.status(),
                    result.error() == null ? "" : result.error(), result.capacity(),
                    state.map(HostStates.HostState::lastError).orElse(""),
                    state.map(HostStates.HostState::lastErrorAt).orElse(null)));
            reachable += result.reachable() ? 1 : 0;
        }
        return new HostsView(views, reachable, Instant.now());
    }
}

package io.opsbridge.backend.reload.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "reload broadcast": always UP (a replica without the hint still serves correctly, and
 * the registry check catches it up), with the mode, why it is off or disabled, and the
 * subscriber's state, so {@code /q/health} tells an operator what the log told at startup.
 */
@Readiness
@ApplicationScoped
public class BroadcastHealthCheck implements HealthCheck {

    private final ReloadBroadcast broadcast;

    public BroadcastHealthCheck(ReloadBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @Override
    public HealthCheckResponse call() {
        BroadcastStatus status = broadcast.status();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("reload broadcast").up()
                .withData("mode", status.mode()).withData("reason", status.reason())
                .withData("channel", status.channel()).withData("node_id", status.nodeId());
        broadcast.subscriber().ifPresent(s -> {
            health.withData("subscriber", s.state().wire()).withData("reconnects", s.reconnects());
            if (s.lastError() != null) {
                health.withData("last_error", s.lastError());
            }
        });
        return health.build();
    }
}

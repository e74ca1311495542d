package io.opsbridge.server.health;

import io.opsbridge.core.run.OperationRunner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "worker capacity": how many jobs run and wait, against the limits. Always UP: a full
 * pool answers a new start with 503 and Retry-After, while every read keeps working, so taking the
 * process out of rotation would only hide the operations it runs.
 */
@Readiness
@ApplicationScoped
public class WorkerCapacityHealthCheck implements HealthCheck {

    private final OperationRunner runner;

    public WorkerCapacityHealthCheck(OperationRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        OperationRunner.Capacity capacity = runner.capacity();
        return HealthCheckResponse.named("worker capacity").up()
                .withData("running", capacity.running())
                .withData("threads", capacity.threads())
                .withData("queued", capacity.queued())
                .withData("queue_capacity", capacity.queueCapacity())
                .withData("accepting_work", !capacity.full())
                .build();
    }
}

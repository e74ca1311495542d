package io.opsbridge.server.health;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.store.InMemoryOperationStore;
import io.opsbridge.core.store.OperationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "operation store": one grouped count over the store answers whether it can be read
 * (DOWN with the error when not) and says which kind it is and how many operations are active.
 */
@Readiness
@ApplicationScoped
public class OperationStoreHealthCheck implements HealthCheck {

    private final OperationStore store;

    public OperationStoreHealthCheck(OperationStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("operation store")
                .withData("kind", store instanceof InMemoryOperationStore ? "in memory (lost at restart)" : "database");
        try {
            Map<OperationType, Map<OperationStatus, Long>> counts = store.countByTypeAndStatus();
            long active = counts.values().stream()
                    .mapToLong(byStatus -> byStatus.get(OperationStatus.PENDING) + byStatus.get(OperationStatus.RUNNING))
                    .sum();
            long all = counts.values().stream().flatMap(byStatus -> byStatus.values().stream())
                    .mapToLong(Long::longValue).sum();
            return response.up().withData("operations", all).withData("active", active).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

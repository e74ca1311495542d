package io.opsbridge.host.training;

import io.opsbridge.server.health.DiskSpaceCheck;
import io.opsbridge.workloads.training.TrainingConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness "disk space" of the training host's market data and models directories. */
@Readiness
@ApplicationScoped
public class TrainingHostDiskSpaceHealthCheck implements HealthCheck {

    private final Map<String, Path> directories;
    private final long minFree;

    public TrainingHostDiskSpaceHealthCheck(TrainingConfig training,
            @ConfigProperty(name = "opsbridge.health.min-free-disk", defaultValue = "100M") MemorySize minFree) {
        this.directories = Map.of("data", training.dataDir(), "models", training.modelsDir());
        this.minFree = minFree.asLongValue();
    }

    @Override
    public HealthCheckResponse call() {
        return DiskSpaceCheck.of(directories, minFree);
    }
}

package io.opsbridge.backend.health;

import io.opsbridge.server.health.DiskSpaceCheck;
import io.opsbridge.workloads.data.DataConfig;
import io.opsbridge.workloads.training.TrainingConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness "disk space" of what the backend writes: the database file, datasets and models. */
@Readiness
@ApplicationScoped
public class BackendDiskSpaceHealthCheck implements HealthCheck {

    private final Map<String, Path> directories = new LinkedHashMap<>();
    private final long minFree;

    public BackendDiskSpaceHealthCheck(TrainingConfig training, DataConfig data,
            @ConfigProperty(name = "opsbridge.data-dir", defaultValue = "./data") Path dataDir,
            @ConfigProperty(name = "opsbridge.health.min-free-disk", defaultValue = "100M") MemorySize minFree) {
        directories.put("database", dataDir);
        directories.put("datasets", data.datasetsDir());
        directories.put("models", training.modelsDir());
        this.minFree = minFree.asLongValue();
    }

    @Override
    public HealthCheckResponse call() {
        return DiskSpaceCheck.of(directories, minFree);
    }
}

package io.opsbridge.host.data;

import io.opsbridge.server.health.DiskSpaceCheck;
import io.opsbridge.workloads.data.DataConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness "disk space" of the data host's dataset store and source directory. */
@Readiness
@ApplicationScoped
public class DataHostDiskSpaceHealthCheck implements HealthCheck {

    private final Map<String, Path> directories;
    private final long minFree;

    public DataHostDiskSpaceHealthCheck(DataConfig data,
            @ConfigProperty(name = "opsbridge.health.min-free-disk", defaultValue = "100M") MemorySize minFree) {
        this.directories = Map.of("datasets", data.datasetsDir(), "sources", data.sourceDir());
        this.minFree = minFree.asLongValue();
    }

    @Override
    public HealthCheckResponse call() {
        return DiskSpaceCheck.of(directories, minFree);
    }
}

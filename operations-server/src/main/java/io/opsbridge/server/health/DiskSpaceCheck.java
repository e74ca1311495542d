package io.opsbridge.server.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Free disk space of the directories an app writes (datasets, models), as one readiness answer:
 * DOWN when one of them has less than the minimum free, since a load or a training there would
 * fail at its end. A directory not created yet is measured at its nearest existing parent.
 *
 * <pre>{@code
 * DiskSpaceCheck.of(Map.of("models", Path.of("data/models")), 100 * 1024 * 1024);
 * }</pre>
 */
public final class DiskSpaceCheck {

    private DiskSpaceCheck() {
    }

    /** The answer named "disk space" over {@code directories} (name to path). */
    public static HealthCheckResponse of(Map<String, Path> directories, long minFreeBytes) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("disk space").up()
                .withData("min_free_mb", minFreeBytes / (1024 * 1024));
        directories.forEach((name, dir) -> {
            try {
                long free = Files.getFileStore(existing(dir.toAbsolutePath())).getUsableSpace();
                response.withData(name, dir + ": " + free / (1024 * 1024) + " MB free");
                if (free < minFreeBytes) {
                    response.down();
                }
            } catch (IOException | RuntimeException e) {
                response.withData(name, dir + ": cannot be measured (" + e.getMessage() + ")").down();
            }
        });
        return response.build();
    }

    private static Path existing(Path dir) {
        Path at = dir;
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? dir.getRoot() : at;
    }
}

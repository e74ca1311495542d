package io.opsbridge.backend.data;

import io.opsbridge.testsupport.PackagedProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged data host ({@code data-host/target/quarkus-app/quarkus-run.jar}) as a real
 * process on a free port, sharing this backend's dataset store, and points the backend's routing at
 * it and at a port where nothing listens (so round robin has to skip a dead host). Stopped after
 * the test class.
 */
public class DataHostProcess implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("../data-host/target/quarkus-app/quarkus-run.jar");
    private PackagedProcess process;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build from the root "
                    + "(./mvnw -B verify) or with -am, so the data host is packaged first");
        }
        int port = PackagedProcess.freePort();
        int deadPort = PackagedProcess.freePort();
        process = PackagedProcess.spawn(new ProcessBuilder(PackagedProcess.javaCommand("256m", List.of(
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dopsbridge.data.datasets-dir=" + Path.of("target/test-data/market").toAbsolutePath(),
                // its own operation store, a fresh one each run
                "-Dopsbridge.data-dir=" + Path.of("target/data-host-e2e-" + port).toAbsolutePath(),
                "-Dopsbridge.data.source-dir=" + Path.of("target/test-data/host-sources").toAbsolutePath(),
                "-Dopsbridge.operations.cache-ttl=200ms"), JAR)), port,
                Path.of("target/data-host-e2e-" + port + ".log").toAbsolutePath()).awaitReady(Duration.ofSeconds(60));
        return Map.of("opsbridge.data.routing.hosts", process.url() + ",http://127.0.0.1:" + deadPort,
                "opsbridge.proxy.connect-timeout", "1s");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }
}

package io.opsbridge.backend.data;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged data host ({@code data-host/target/quarkus-app/quarkus-run.jar}) as a real
 * process on a free port, sharing this backend's dataset store, and points the backend's routing at
 * it and at a port where nothing listens (so round robin has to skip a dead host). Stopped after
 * the test class.
 */
public class DataHostProcess implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("../data-host/target/quarkus-app/quarkus-run.jar");
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build from the root "
                    + "(./mvnw -B verify) or with -am, so the data host is packaged first");
        }
        int port = freePort();
        int deadPort = freePort();
        Path datasets = Path.of("target/test-data/market").toAbsolutePath();
        Path log = Path.of("target/data-host-e2e.log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            // as BackendProcess: C1 only and the serial collector for a test's short-lived process
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dopsbridge.data.datasets-dir=" + datasets,
                    // its own operation store, a fresh one each run
                    "-Dopsbridge.data-dir=" + Path.of("target/data-host-e2e-" + port).toAbsolutePath(),
                    "-Dopsbridge.data.source-dir=" + Path.of("target/test-data/host-sources").toAbsolutePath(),
                    "-Dopsbridge.operations.cache-ttl=200ms",
                    "-jar", JAR.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("data host exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return Map.of("opsbridge.data.routing.hosts", url + ",http://127.0.0.1:" + deadPort,
                "opsbridge.proxy.connect-timeout", "1s");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

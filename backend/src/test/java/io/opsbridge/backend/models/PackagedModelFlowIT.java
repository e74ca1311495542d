package io.opsbridge.backend.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged backend as a real process on its default embedded database: train with
 * {@code auto_activate}, serve signals, restart, and serve the same version again. Guards what
 * only the packaged jar shows, e.g. DJL loaded parent-first without its dependencies.
 */
class PackagedModelFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;
    private Process backend;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (backend != null) {
            backend.destroy();
            backend.waitFor();
        }
    }

    @Test
    void aTrainedModelServesSignalsAndIsServedAgainAfterARestart() throws Exception {
        String base = start();
        JsonNode started = post(base + "/api/v1/trainings",
                "{\"symbols\":[\"AAPL\",\"MSFT\"],\"epochs\":2,\"seed\":3,\"auto_activate\":true}");
        String id = started.get("operation_id").asText();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("completed", "failed").contains(get(base + "/api/v1/operations/" + id).get("status").asText()));
        JsonNode done = get(base + "/api/v1/operations/" + id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.at("/result_summary/activated").asBoolean()).isTrue();

        String signals = "{\"symbols\":[\"AAPL\",\"MSFT\"]}";
        assertThat(post(base + "/api/v1/signals/generate", signals).at("/metadata/model_version").asText()).isEqualTo("v1");

        backend.destroy();
        backend.waitFor();
        String restarted = start();
        assertThat(post(restarted + "/api/v1/signals/generate", signals).at("/metadata/model_version").asText()).isEqualTo("v1");
    }

    private String start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("opsbridge.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        backend = new ProcessBuilder("java", "-Dai.djl.offline=true", "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("backend.log").toFile()).start();
        String base = "http://localhost:" + port;
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(backend.isAlive()).as(Files.readString(workDir.resolve("backend.log"))).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return base;
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String url, String body) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}

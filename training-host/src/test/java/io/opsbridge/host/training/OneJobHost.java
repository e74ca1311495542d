package io.opsbridge.host.training;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.testsupport.PackagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged training host started in one-job mode, as a Job's pod starts it: the request and
 * every directory given in the environment (the names docs/deploy-kubernetes.md lists), on a free
 * port, its log in a file. {@link #close()} kills it if it still runs.
 */
final class OneJobHost implements AutoCloseable {

    static final String TOKEN = "job-host-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final Process process;
    private final String url;
    private final Path log;
    private volatile Instant exitedAt;

    private OneJobHost(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
        process.onExit().thenRun(() -> exitedAt = Instant.now());
    }

    /** Starts a host in {@code dir} (its own store and log) that reads {@code market} and writes to {@code models}. */
    static OneJobHost start(Path dir, Path market, Path models, String request, String grace) {
        Path jar = Path.of(System.getProperty("training-host.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package training-host first");
        }
        int port = PackagedProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(PackagedProcess.javaCommand("384m",
                List.of("-Dquarkus.http.port=" + port), jar)).directory(dir.toFile());
        builder.environment().putAll(Map.of("OPSBRIDGE_JOB_REQUEST", request, "OPSBRIDGE_JOB_GRACE", grace,
                "OPSBRIDGE_TRAINING_DATA_DIR", market.toAbsolutePath().toString(),
                "OPSBRIDGE_TRAINING_MODELS_DIR", models.toAbsolutePath().toString(),
                "OPSBRIDGE_DATA_DIR", dir.resolve("data").toAbsolutePath().toString(),
                "OPSBRIDGE_HOST_TOKEN", TOKEN, "OPSBRIDGE_OPERATIONS_CACHE_TTL", "100ms"));
        PackagedProcess host = PackagedProcess.spawn(builder, port, dir.resolve("host.log"));
        return new OneJobHost(host.process(), host.url(), host.log());
    }

    /** The one operation this host holds, once it answers: found as a client finds it, by listing. */
    String awaitOperationId() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the host exited with " + process.exitValue() + ", see " + log);
            }
            JsonNode list = getOrNull("/api/v1/operations");
            if (list == null || list.get("operations").isEmpty()) {
                return false;
            }
            id[0] = list.get("operations").get(0).get("operation_id").asText();
            return true;
        });
        return id[0];
    }

    /** GET {@code path} as JSON; fails on any status but 200. */
    JsonNode get(String path) {
        JsonNode answer = getOrNull(path);
        if (answer == null) {
            throw new IllegalStateException("GET " + path + " failed, see " + log);
        }
        return answer;
    }

    /** The status of a POST without a body, with the host token or without. */
    int post(String path, boolean withToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers
                .noBody()).timeout(Duration.ofSeconds(5));
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode getOrNull(String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the host still runs after " + patience + ", see " + log);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> exitedAt != null);
        return process.exitValue();
    }

    /** When the process ended, as this test saw it; null while it runs. */
    Instant exitedAt() {
        return exitedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the host at once (SIGKILL), as a node lost with its pod would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

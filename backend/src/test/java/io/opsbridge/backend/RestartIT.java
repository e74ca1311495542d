package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (an H2 file) across a hard crash: kill -9 the backend mid-training, start
 * it again on the same data directory, and find every record and stored metric still there. With
 * {@code opsbridge.training.resume=off} the local training is failed "interrupted" (TrainingResumeIT: on,
 * it resumes); the one on a real training host is followed on after the
 * restart and completes on query with every epoch's metric exactly once. A start retried with its
 * Idempotency-Key after the restart answers the operation it started before the kill. The interrupted
 * training's log is there after the restart, up to its last save before the kill.
 */
class RestartIT {

    private static final String SHORT = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":2,\"batch_size\":64,\"seed\":1}";
    private static final String LONG = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":500,\"batch_size\":16,\"seed\":2}";
    private static final String KEY = "restart-it-retry-1";
    /** The backend's save interval (progress and log): a kill -9 loses at most this much of a log. */
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    private static final int HOST_EPOCHS = 250; // about 70 ms each: still running across the kill and the restart
    private static final String ON_HOST = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + HOST_EPOCHS
            + ",\"batch_size\":16,\"seed\":4,\"mode\":\"host\"}";

    @TempDir
    Path work;

    @Test
    void killedBackendFailsItsInterruptedTrainingAndKeepsEverythingRecorded() throws Exception {
        TrainingHostProcess host = new TrainingHostProcess();
        try {
            killAndRestart(host, host.start());
        } finally {
            host.stop();
        }
    }

    private void killAndRestart(TrainingHostProcess host, Map<String, String> hostConfig) throws Exception {
        String finished;
        String interrupted;
        String onHost;
        List<Map<String, Object>> finishedMetrics;
        List<Map<String, Object>> seenBeforeKill;
        List<Map<String, Object>> hostSeenBeforeKill;
        List<String> logBeforeKill;
        Map<String, String> config = new java.util.HashMap<>(hostConfig);
        config.put("opsbridge.store.progress-persist-interval", SAVE_EVERY.toMillis() + "ms");
        config.put("opsbridge.training.resume", "off");
        try (BackendProcess first = BackendProcess.start(work, "first", config, Map.of())) {
            finished = startWithKey(first, SHORT).then().statusCode(202).extract().path("operation_id");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> status(first, finished).equals("completed"));
            finishedMetrics = metrics(first, finished);

            interrupted = start(first, LONG);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                    first.http().get("/api/v1/operations/{id}", interrupted).jsonPath().getInt("metrics_count") >= 2);
            seenBeforeKill = metrics(first, interrupted);
            assertThat(status(first, interrupted)).isEqualTo("running");
            // the log lines read now are saved within one save interval (SAVE_EVERY): let more than one pass
            List<String> read = logLines(first, interrupted);
            logBeforeKill = read;
            long readAt = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                    System.nanoTime() - readAt > 2 * SAVE_EVERY.toNanos()
                    && logLines(first, interrupted).size() > read.size());
            onHost = start(first, ON_HOST);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                    first.http().get("/api/v1/operations/{id}", onHost).jsonPath().getInt("metrics_count") >= 1);
            hostSeenBeforeKill = metrics(first, onHost);
            assertThat(status(first, onHost)).as("the host training outlives the backend").isEqualTo("running");

            first.killHard();
        }
        assertThat(Files.exists(work.resolve("data/opsbridge.mv.db"))).isTrue();

        try (BackendProcess second = BackendProcess.start(work, "second", config, Map.of())) {
            assertThat(metrics(second, onHost)).as("stored before the kill, still there")
                    .startsWith(hostSeenBeforeKill.toArray(Map[]::new));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(second, onHost).equals("completed"));
            JsonPath hostDone = second.http().get("/api/v1/operations/{id}", onHost).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(hostDone.getString("completed_at")).isNotNull();
            assertThat(hostDone.getMap("result_summary")).containsKey("model_path");
            assertThat(hostDone.getInt("metrics_count")).isEqualTo(HOST_EPOCHS);
            assertThat(metrics(second, onHost)).as("every epoch exactly once")
                    .extracting(m -> m.get("epoch"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, HOST_EPOCHS).boxed().toList());
            assertThat(metrics(second, onHost)).as("the backend's metrics are the host's").isEqualTo(
                    io.restassured.RestAssured.given().queryParam("cursor", 0).get(host.url() + "/api/v1/operations/{id}/metrics",
                            hostDone.getString("metadata.host_operation_id")).jsonPath().getList("metrics"));

            JsonPath failed = second.http().get("/api/v1/operations/{id}", interrupted).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(failed.getString("status")).isEqualTo("failed");
            assertThat(failed.getString("error_message")).isEqualTo("interrupted: process restarted");
            assertThat(failed.getString("completed_at")).isNotNull();
            assertThat(metrics(second, interrupted)).startsWith(seenBeforeKill.toArray(Map[]::new));
            List<String> logAfter = logLines(second, interrupted);
            assertThat(logAfter).as("its log, up to the last save before the kill")
                    .startsWith(logBeforeKill.toArray(String[]::new));
            assertThat(logAfter).last().isEqualTo("failed: interrupted: process restarted");

            JsonPath done = second.http().get("/api/v1/operations/{id}", finished).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getInt("metrics_count")).isEqualTo(2);
            assertThat(done.getMap("result_summary")).containsKeys("model_path", "final_val_accuracy");
            assertThat(metrics(second, finished)).isEqualTo(finishedMetrics);
            assertThat(finishedMetrics).extracting(m -> m.get("epoch")).containsExactly(1, 2);

            assertThat(second.http().queryParam("limit", 10).get("/api/v1/operations").jsonPath()
                    .getList("operations.operation_id", String.class)).containsExactly(onHost, interrupted, finished);
            second.http().get("/api/v1/operations/{id}", "op_training_20990101_000000_00000000").then().statusCode(404);

            assertThat(startWithKey(second, SHORT).then().statusCode(202).extract().<String>path("operation_id"))
                    .as("the retry after the restart gets the operation started before the kill").isEqualTo(finished);
            startWithKey(second, LONG).then().statusCode(409).contentType("application/problem+json");
            assertThat(second.http().get("/api/v1/operations").jsonPath().getInt("total"))
                    .as("no second job was started").isEqualTo(3);
        }
    }

    static String start(BackendProcess backend, String body) {
        return backend.http().contentType("application/json").body(body).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
    }

    static Response startWithKey(BackendProcess backend, String body) {
        return backend.http().header("Idempotency-Key", KEY).contentType("application/json").body(body)
                .post("/api/v1/trainings");
    }

    static String status(BackendProcess backend, String id) {
        return backend.http().get("/api/v1/operations/{id}", id).jsonPath().getString("status");
    }

    static List<String> logLines(BackendProcess backend, String id) {
        return backend.http().queryParam("cursor", 0).get("/api/v1/operations/{id}/logs", id)
                .then().statusCode(200).extract().jsonPath().getList("lines.message", String.class);
    }

    static List<Map<String, Object>> metrics(BackendProcess backend, String id) {
        return backend.http().queryParam("cursor", 0).get("/api/v1/operations/{id}/metrics", id)
                .then().statusCode(200).extract().jsonPath().getList("metrics");
    }
}

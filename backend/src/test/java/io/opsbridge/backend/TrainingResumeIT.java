package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training survives its backend: the packaged backend killed with SIGKILL mid-training and started
 * again resumes the same operation as attempt 2 (never through failed); killed again at its
 * opsbridge.training.max-attempts, the next start fails it, listing both attempts; an operator who
 * raises the limit (a runtime setting) resumes it through {@code POST .../resume}, and it completes as
 * the same seeded request run straight through does ({@link StraightRun}): every epoch once, the same
 * per-epoch loss and accuracy, the same {@code .params} bytes. What cannot resume is a 409 that says why.
 */
class TrainingResumeIT {

    private static final String REQUEST = StraightRun.request("local");
    private static final String SAMPLE_LOAD = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\","
            + "\"start_date\":\"2024-01-01\",\"end_date\":\"2024-02-01\",\"source\":\"sample\"}";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void aKilledTrainingResumesAttemptByAttemptAndEndsAsTheStraightRun() throws Exception {
        Path settingsFile = work.resolve("settings.properties");
        Map<String, String> config = new HashMap<>(Map.of("opsbridge.settings.file", settingsFile.toString(),
                "opsbridge.store.progress-persist-interval", "200ms", "opsbridge.data.sample-at-startup", "false"));
        Files.writeString(settingsFile, "opsbridge.training.max-attempts=2\nopsbridge.training.checkpoint-every=2\n");
        StraightRun.writeData(work.resolve("market"));
        String resumed;
        try (BackendProcess first = BackendProcess.start(work, "first", config, Map.of())) {
            // the contract check reads the backend's document now, not while the training it must catch runs
            first.http().get("/api/v1/operations").then().statusCode(200);
            resumed = RestartIT.start(first, REQUEST);
            killAtAnOddEpoch(first, resumed, 3);
        }

        int killedAt;
        try (BackendProcess second = BackendProcess.start(work, "second", config, Map.of())) {
            JsonPath again = operation(second, resumed);
            assertThat(again.getString("status")).as("resumed at startup, never failed").isEqualTo("running");
            assertThat(again.getInt("attempts.count")).isEqualTo(2);
            assertThat(again.getString("attempts.items[1].previous_ended")).isEqualTo("interrupted: process restarted");
            assertThat(again.getString("attempts.items[1].place")).isEqualTo("replica");
            int from = again.getInt("attempts.items[1].from_epoch");
            assertThat(from).as("the newest checkpoint (every 2 epochs) before the kill").isPositive().isEven();
            assertThat(again.getString("progress.context.resumed")).isEqualTo("resumed from epoch " + from + " (attempt 2)");
            assertThat(again.getString("error_message")).isNull();
            killedAt = killAtAnOddEpoch(second, resumed, operation(second, resumed).getInt("metrics_count") + 3);
        }

        try (BackendProcess third = BackendProcess.start(work, "third", config, Map.of())) {
            JsonPath failed = operation(third, resumed);
            assertThat(failed.getString("status")).as("attempt 2 of at most 2 was interrupted").isEqualTo("failed");
            assertThat(failed.getString("error_message"))
                    .isEqualTo("interrupted: process restarted (attempt 2 of at most 2)");
            assertThat(failed.getList("attempts.items.attempt", Integer.class)).containsExactly(1, 2);
            assertThat(failed.getInt("metrics_count")).isGreaterThanOrEqualTo(killedAt);
            refused(third, resumed, "has had 2 attempts, the most opsbridge.training.max-attempts allows (2)");
            third.http().post("/api/v1/operations/{id}/resume", "op_training_20990101_000000_00000000")
                    .then().statusCode(404).contentType("application/problem+json");

            Files.writeString(settingsFile, "opsbridge.training.max-attempts=3\nopsbridge.training.checkpoint-every=2\n");
            third.admin().post("/api/v1/admin/settings/reload").then().statusCode(200);
            JsonPath running = third.http().post("/api/v1/operations/{id}/resume", resumed).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(running.getString("status")).isIn("running", "completed");
            assertThat(running.getInt("attempts.count")).isEqualTo(3);
            assertThat(running.getInt("attempts.items[2].from_epoch")).isPositive().isEven();
            assertThat(running.getString("attempts.items[2].previous_ended"))
                    .isEqualTo("failed: interrupted: process restarted (attempt 2 of at most 2)");
            refused(third, resumed, "only a failed training resumes");
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> RestartIT.status(third, resumed).equals("completed"));

            JsonPath done = operation(third, resumed);
            assertThat(done.getString("error_message")).isNull();
            StraightRun.reference().assertSameRun(RestartIT.metrics(third, resumed),
                    Path.of(done.getString("result_summary.model_path")), "attempts " + done.getList("attempts.items"));
            assertThat(done.getInt("metrics_count")).as(done.prettify()).isEqualTo(StraightRun.EPOCHS);
            refused(third, resumed, "has completed");
            List<String> log = RestartIT.logLines(third, resumed);
            assertThat(log).anyMatch(line -> line.startsWith("resumed from epoch") && line.contains("(attempt 2)"))
                    .anyMatch(line -> line.startsWith("resumed from epoch") && line.contains("(attempt 3)"));
            assertThat(log).last().isEqualTo("completed");

            String load = third.http().contentType("application/json").body(SAMPLE_LOAD).post("/api/v1/data/loads")
                    .then().statusCode(202).extract().path("operation_id");
            refused(third, load, "is a data_loading operation: only trainings resume");
            String cancelled = RestartIT.start(third, REQUEST);
            third.http().post("/api/v1/operations/{id}/cancel", cancelled).then().statusCode(200);
            refused(third, cancelled, "was cancelled: a cancelled operation never resumes");
        }
    }

    /** Kills the backend once the training has stored an odd number of epochs, at least {@code atLeast}; returns it. */
    private static int killAtAnOddEpoch(BackendProcess backend, String id, int atLeast) throws InterruptedException {
        int[] seen = new int[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            seen[0] = backend.http().get("/api/v1/operations/{id}?force_refresh=true", id).jsonPath()
                    .getInt("metrics_count");
            return seen[0] >= atLeast && seen[0] % 2 == 1;
        });
        backend.killHard();
        return seen[0];
    }

    private static void refused(BackendProcess backend, String id, String why) {
        backend.http().post("/api/v1/operations/{id}/resume", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(why));
    }

    private static JsonPath operation(BackendProcess backend, String id) {
        return backend.http().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}

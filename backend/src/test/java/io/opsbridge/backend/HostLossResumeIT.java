package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training whose host dies is not lost with it: two training hosts share the models (checkpoints)
 * and datasets directories with the packaged backend; a seeded training checkpointing every epoch runs
 * on host 1, which is killed (SIGKILL) after a few epochs. Reads through the backend find the host
 * lost, resume the same operation on host 2 as attempt 2 (running all along, never failed), and it
 * completes as the same request run straight through does ({@link StraightRun}): every epoch once, the
 * same per-epoch loss and accuracy, the same {@code .params} bytes. The backend and both hosts start at
 * once; the backend gives up on a silent host after 1 s.
 */
class HostLossResumeIT {

    private static final String REQUEST = StraightRun.request("host");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void aTrainingWhoseHostDiesResumesOnAnotherHostFromItsCheckpoint() throws Exception {
        StraightRun.writeData(work.resolve("market"));
        TrainingHostProcess first = TrainingHostProcess.startingSharing(work.resolve("market"), work.resolve("models"));
        TrainingHostProcess second = TrainingHostProcess.startingSharing(work.resolve("market"), work.resolve("models"));
        // round robin from the first: the training goes to host 1, the one to kill
        Map<String, String> config = Map.of("opsbridge.training.routing.hosts", first.url() + "/," + second.url() + "/",
                "opsbridge.proxy.connect-timeout", "500ms", "opsbridge.proxy.read-timeout", "15s",
                "opsbridge.operations.cache-ttl", "200ms", "opsbridge.store.progress-persist-interval", "200ms",
                "opsbridge.stall.training.stall-after", "500ms", "opsbridge.stall.training.fail-after", "1s",
                "opsbridge.training.checkpoint-every", "1", "opsbridge.data.sample-at-startup", "false");
        try (BackendProcess backend = BackendProcess.start(work, "backend", config, Map.of())) {
            first.awaitReady();
            second.awaitReady();
            // the contract check reads the backend's document now, not while the training it must catch runs
            backend.http().get("/api/v1/operations").then().statusCode(200);
            String id = RestartIT.start(backend, REQUEST);
            assertThat(operation(backend, id).getString("metadata.host_service_url")).contains(first.url());
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> operation(backend, id, true).getInt("metrics_count") >= 3);
            first.kill();

            List<String> statuses = new ArrayList<>();
            JsonPath[] resumed = new JsonPath[1];
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonPath now = operation(backend, id);
                statuses.add(now.getString("status"));
                if (resumed[0] == null && now.getInt("attempts.count") == 2 && now.getString("status").equals("running")) {
                    resumed[0] = now;
                }
                return !now.getString("status").equals("running");
            });
            assertThat(statuses).as("running all along, never failed").doesNotContain("failed", "cancelled");
            JsonPath done = operation(backend, id);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
            assertThat(done.getInt("attempts.count")).isEqualTo(2);
            assertThat(done.getString("attempts.items[1].place")).isEqualTo("host");
            assertThat(done.getString("attempts.items[1].runs_on")).contains(second.url());
            assertThat(done.getString("attempts.items[1].previous_ended")).startsWith("host " + first.url())
                    .endsWith(" lost");
            assertThat(done.getString("metadata.host_service_url")).contains(second.url());
            int from = done.getInt("attempts.items[1].from_epoch");
            assertThat(from).as("the newest checkpoint before the kill").isGreaterThanOrEqualTo(3).isLessThan(StraightRun.EPOCHS);
            if (resumed[0] != null) {
                assertThat(resumed[0].getString("progress.context.resumed"))
                        .isEqualTo("resumed from epoch " + from + " (attempt 2)");
            }
            StraightRun.reference().assertSameRun(RestartIT.metrics(backend, id),
                    Path.of(done.getString("result_summary.model_path")), "attempts " + done.getList("attempts.items"));
            assertThat(done.getInt("metrics_count")).isEqualTo(StraightRun.EPOCHS);
        } finally {
            first.stop();
            second.stop();
        }
    }

    private static JsonPath operation(BackendProcess backend, String id) {
        return operation(backend, id, false);
    }

    private static JsonPath operation(BackendProcess backend, String id, boolean force) {
        return backend.http().get("/api/v1/operations/{id}?force_refresh=" + force, id).then().statusCode(200)
                .extract().jsonPath();
    }
}

package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training whose host dies is not lost with it: two training hosts share the models (checkpoints)
 * and datasets directories with the packaged backend; a seeded training checkpointing every epoch runs
 * on host 1, which is killed (SIGKILL) after a few epochs. Reads through the backend find the host
 * lost, resume the same operation on host 2 as attempt 2 (running all along, never failed), and it
 * completes as the same request run straight through on host 2 does: every epoch once, the same
 * per-epoch loss and accuracy.
 */
class HostLossResumeIT {

    private static final int EPOCHS = 40;
    private static final String REQUEST = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + EPOCHS
            + ",\"batch_size\":16,\"seed\":7,\"mode\":\"host\"}";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void aTrainingWhoseHostDiesResumesOnAnotherHostFromItsCheckpoint() throws Exception {
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(work.resolve("market"), List.of("AAPL"), "1h",
                600);
        TrainingHostProcess first = TrainingHostProcess.sharing(work.resolve("market"), work.resolve("models"));
        TrainingHostProcess second = TrainingHostProcess.sharing(work.resolve("market"), work.resolve("models"));
        // round robin from the first: the straight run goes to host 2, the one to kill to host 1
        Map<String, String> config = Map.of("opsbridge.training.routing.hosts", second.url() + "/," + first.url() + "/",
                "opsbridge.proxy.connect-timeout", "500ms", "opsbridge.proxy.read-timeout", "15s",
                "opsbridge.operations.cache-ttl", "200ms", "opsbridge.store.progress-persist-interval", "200ms",
                "opsbridge.stall.training.stall-after", "1s", "opsbridge.stall.training.fail-after", "3s",
                "opsbridge.training.checkpoint-every", "1");
        try (BackendProcess backend = BackendProcess.start(work, "backend", config, Map.of())) {
            String straight = RestartIT.start(backend, REQUEST);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> operation(backend, straight).getString("status").equals("completed"));
            assertThat(operation(backend, straight).getString("metadata.host_service_url")).contains(second.url());

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
            assertThat(from).as("the newest checkpoint before the kill").isGreaterThanOrEqualTo(3).isLessThan(EPOCHS);
            if (resumed[0] != null) {
                assertThat(resumed[0].getString("progress.context.resumed"))
                        .isEqualTo("resumed from epoch " + from + " (attempt 2)");
            }
            assertSameEpochs(RestartIT.metrics(backend, id), RestartIT.metrics(backend, straight));
            assertThat(done.getInt("metrics_count")).isEqualTo(EPOCHS);
        } finally {
            first.stop();
            second.stop();
        }
    }

    private static void assertSameEpochs(List<Map<String, Object>> resumed, List<Map<String, Object>> straight) {
        assertThat(resumed).extracting(m -> m.get("epoch")).as("every epoch once, in order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        for (int i = 0; i < EPOCHS; i++) {
            for (String key : List.of("train_loss", "val_loss", "train_accuracy", "val_accuracy")) {
                assertThat(((Number) resumed.get(i).get(key)).doubleValue()).as("epoch %d %s", i + 1, key)
                        .isCloseTo(((Number) straight.get(i).get(key)).doubleValue(), within(1e-6));
            }
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

package io.opsbridge.host.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.opsbridge.workloads.training.TerminalRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The training host in one-job mode, as a Kubernetes Job's pod runs it: the packaged host started
 * with {@code OPSBRIDGE_JOB_REQUEST} trains at once, is followed over its operations API, leaves its
 * terminal record on the shared models directory, and exits after the grace period: 0, or 3 for bad
 * input. A host killed mid-run leaves no record, and the next one started with the same request
 * resumes from the checkpoint and ends as a straight run does.
 */
// each test waits on its own processes most of the time: together they take about as long as the longest
@Execution(ExecutionMode.CONCURRENT)
class OneJobModeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static Path work;
    static Path market;

    /** Under target, not a temporary directory: each host's log stays to read after a failure. */
    @BeforeAll
    static void seedData() throws Exception {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "one-job-it")), "run-");
        market = work.resolve("market");
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(market, List.of("AAPL"), "1h", 400);
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(market, List.of("TINY"), "1h", 5);
    }

    @Test
    void runsItsTrainingAtStartupLeavesItsTerminalRecordAndExitsZeroAfterTheGrace() throws Exception {
        Path models = work.resolve("models-straight");
        try (OneJobHost host = OneJobHost.start(work.resolve("straight"), market, models,
                request("op_training_straight", "AAPL", 6), "2s")) {
            String id = host.awaitOperationId();
            List<JsonNode> followed = new ArrayList<>();
            int[] cursor = {0};
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                String status = host.get("/api/v1/operations/" + id + "?force_refresh=true").get("status").asText();
                JsonNode page = host.get("/api/v1/operations/" + id + "/metrics?cursor=" + cursor[0]);
                page.get("metrics").forEach(followed::add);
                cursor[0] = page.get("new_cursor").asInt();
                return OperationStatus.fromWire(status).isTerminal();
            });
            TerminalRecord record = awaitRecord(models, "op_training_straight");
            assertThat(host.alive()).as("serves on for its grace period").isTrue();
            JsonNode listed = host.get("/api/v1/operations");
            assertThat(listed.get("total").asInt()).as("exactly one operation").isEqualTo(1);
            assertThat(host.post("/api/v1/operations/" + id + "/cancel", false)).as("changes need the host token")
                    .isEqualTo(401);

            assertThat(record.operation().operationId()).isEqualTo(id);
            assertThat(record.operation().status()).isEqualTo(OperationStatus.COMPLETED);
            assertThat(record.operation().resultSummary()).containsEntry("epochs_completed", 6);
            assertThat(record.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(record.metrics()).hasSameSizeAs(followed);
            assertThat(Path.of(record.modelPath())).isDirectory().startsWith(models.toAbsolutePath());
            assertThat(models.resolve("checkpoints").resolve("op_training_straight")).doesNotExist();

            assertThat(host.awaitExit(PATIENCE)).isZero();
            assertThat(Duration.between(record.writtenAt(), host.exitedAt())).isGreaterThanOrEqualTo(
                    Duration.ofSeconds(2));
        }
    }

    @Test
    void badInputEndsAsAFailureThatRepeatsAndExitsThree() throws Exception {
        Path models = work.resolve("models-bad");
        try (OneJobHost badData = OneJobHost.start(work.resolve("bad-data"), market, models,
                request("op_training_bad_data", "TINY", 3), "500ms");
                OneJobHost unknown = OneJobHost.start(work.resolve("refused"), market, models,
                        request("op_training_refused", "NOPE", 3), "500ms")) {
            assertThat(badData.awaitExit(PATIENCE)).as("invalid data: %s", badData.log()).isEqualTo(3);
            assertThat(unknown.awaitExit(PATIENCE)).as("no such dataset: %s", unknown.log()).isEqualTo(3);
        }
        TerminalRecord invalidData = TerminalRecord.read(models, "op_training_bad_data").orElseThrow();
        assertThat(invalidData.operation().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(invalidData.failureRepeats()).isTrue();
        assertThat(invalidData.operation().errorMessage()).contains("TINY").contains("bars");
        assertThat(invalidData.modelPath()).isNull();

        TerminalRecord refused = TerminalRecord.read(models, "op_training_refused").orElseThrow();
        assertThat(refused.operation().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refused.failureRepeats()).isTrue();
        assertThat(refused.operation().errorMessage()).startsWith("symbols: ").contains("NOPE");
    }

    @Test
    void aHostKilledMidRunLeavesNoRecordAndTheNextResumesFromTheCheckpointLikeAStraightRun() throws Exception {
        int epochs = 30;
        Path straightModels = work.resolve("models-reference");
        Path models = work.resolve("models-resume");
        String request = request("op_training_resumed", "AAPL", epochs);
        try (OneJobHost straight = OneJobHost.start(work.resolve("reference"), market, straightModels, request, "0s");
                OneJobHost first = OneJobHost.start(work.resolve("first"), market, models, request, "0s")) {
            String id = first.awaitOperationId();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> first
                    .get("/api/v1/operations/" + id + "?force_refresh=true").get("metrics_count").asInt() >= 3);
            first.kill();
            assertThat(TerminalRecord.read(models, "op_training_resumed")).as("a crash writes nothing").isEmpty();
            assertThat(straight.awaitExit(PATIENCE)).isZero();
        }
        TerminalRecord reference = TerminalRecord.read(straightModels, "op_training_resumed").orElseThrow();

        try (OneJobHost next = OneJobHost.start(work.resolve("next"), market, models, request, "0s")) {
            assertThat(next.awaitExit(PATIENCE)).as("see %s", next.log()).isZero();
        }
        TerminalRecord resumed = TerminalRecord.read(models, "op_training_resumed").orElseThrow();
        assertThat(resumed.operation().status()).isEqualTo(OperationStatus.COMPLETED);
        int from = epochs - resumed.metrics().size();
        assertThat(from).as("resumed from a checkpoint after epoch 3 or later").isBetween(3, epochs - 1);
        assertThat(resumed.metrics()).extracting(m -> m.get("epoch"))
                .containsExactlyElementsOf(IntStream.rangeClosed(from + 1, epochs).boxed().toList());
        List<Map<String, Object>> sameEpochs = reference.metrics().subList(from, epochs);
        for (int i = 0; i < sameEpochs.size(); i++) {
            for (String key : List.of("train_loss", "val_loss", "train_accuracy", "val_accuracy")) {
                assertThat(((Number) resumed.metrics().get(i).get(key)).doubleValue()).as("epoch %d %s", from + i + 1, key)
                        .isCloseTo(((Number) sameEpochs.get(i).get(key)).doubleValue(), within(1e-6));
            }
        }
        assertThat(resumed.operation().resultSummary().get("final_val_loss"))
                .isEqualTo(reference.operation().resultSummary().get("final_val_loss"));
    }

    private static TerminalRecord awaitRecord(Path models, String key) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> TerminalRecord.read(models, key), java.util.Optional::isPresent).orElseThrow();
    }

    /** The body a backend would post to {@code /training/start}: seeded, a checkpoint every epoch under {@code key}. */
    static String request(String key, String symbol, int epochs) {
        return "{\"symbols\":[\"" + symbol + "\"],\"timeframe\":\"1h\",\"epochs\":" + epochs
                + ",\"batch_size\":32,\"seed\":7,\"mode\":\"host\",\"checkpoint_key\":\"" + key
                + "\",\"checkpoint_every\":1,\"checkpoint_keep\":1}";
    }
}

package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.opsbridge.api.LogLine;
import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.logs.JobLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training interrupted by a crash and run again with the same checkpoints ends exactly as one
 * that ran straight through: the same per-epoch metrics and a byte-identical weights file.
 */
class TrainingCheckpointTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT");
    private static final int EPOCHS = 6;
    private static final String PARAMS = "direction_mlp-0000.params";

    @TempDir
    static Path shared;
    private static Path dataDir;
    private static TrainingResult straight;

    @TempDir
    Path tmp;
    private Path modelsDir;

    @BeforeAll
    static void trainStraightThrough() {
        dataDir = shared.resolve("data");
        new SampleDataGenerator(42).generate(dataDir, SYMBOLS, "1h", 300);
        straight = orchestrator(shared.resolve("models")).run("op_straight", request(), new TrainingProgressBridge());
    }

    @AfterEach
    void unbind() {
        JobLog.unbind();
    }

    @Test
    void aTrainingCrashedAtAnOddEpochResumesAndEndsExactlyAsTheStraightRun() throws IOException {
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_resumed", 2, 2);
        crashAtEpoch(3, plan);
        assertThat(checkpoints(plan)).containsExactly("epoch-000002");

        TrainingProgressBridge bridge = new TrainingProgressBridge();
        TrainingResult resumed = orchestrator(modelsDir).run("op_resumed", request(), bridge, plan);

        assertThat(bridge.metrics(0).metrics()).extracting(m -> m.get("epoch")).containsExactly(3, 4, 5, 6);
        assertThat(bridge.snapshot().context()).containsEntry("resumed_from_epoch", 2);
        assertSameAsStraight(resumed);
        assertThat(plan.dir()).doesNotExist(); // completed: no checkpoint left
    }

    @Test
    void aDamagedNewestCheckpointIsSkippedWithAWarningAndThePreviousOneUsed() throws IOException {
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_damaged", 1, 2);
        crashAtEpoch(4, plan);
        assertThat(checkpoints(plan)).containsExactly("epoch-000002", "epoch-000003");
        Path newest = plan.dir().resolve("epoch-000003");
        Path weights = newest.resolve(CheckpointStore.PARAMETERS);
        Files.write(weights, java.util.Arrays.copyOf(Files.readAllBytes(weights), (int) Files.size(weights) / 2));

        OperationLog log = bindJobLog("op_damaged");
        TrainingProgressBridge bridge = new TrainingProgressBridge();
        TrainingResult resumed = orchestrator(modelsDir).run("op_damaged", request(), bridge, plan);

        assertThat(warnings(log)).anySatisfy(line -> assertThat(line).contains(newest.toString())
                .contains("cannot be loaded"));
        assertThat(bridge.metrics(0).metrics()).extracting(m -> m.get("epoch")).containsExactly(3, 4, 5, 6);
        assertSameAsStraight(resumed);
    }

    @Test
    void aTrainingThatDiedAfterSavingItsModelResumesAfterTheLastEpochAndSavesTheSameModelAgain() throws IOException {
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_saved", 3, 2);
        TrainingProgressBridge dyingAfterSave = new TrainingProgressBridge() {
            @Override
            public void onCompleted(String message) {
                throw new RuntimeException("simulated crash after the model was saved");
            }
        };
        assertThatThrownBy(() -> orchestrator(modelsDir).run("op_saved", request(), dyingAfterSave, plan))
                .hasMessageContaining("crash");
        assertThat(checkpoints(plan)).containsExactly("epoch-000003", "epoch-000006");

        TrainingProgressBridge bridge = new TrainingProgressBridge();
        TrainingResult resumed = orchestrator(modelsDir).run("op_saved", request(), bridge, plan);

        assertThat(bridge.metrics(0).metrics()).isEmpty(); // every epoch was done
        assertThat(bridge.snapshot().context()).containsEntry("resumed_from_epoch", EPOCHS);
        assertSameAsStraight(resumed);
        assertThat(plan.dir()).doesNotExist();
    }

    @Test
    void aRewrittenDatasetRefusesTheResumeAndTrainsFromEpochOne() throws IOException {
        Path ownData = tmp.resolve("data");
        new SampleDataGenerator(42).generate(ownData, SYMBOLS, "1h", 300);
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_rewritten", 1, 2);
        TrainingProgressBridge crashing = crashingBridge(3);
        TrainingOrchestrator first = new TrainingOrchestrator(new TrainingSettings(ownData, modelsDir));
        assertThatThrownBy(() -> first.run("op_rewritten", request(), crashing, plan)).hasMessageContaining("crash");
        Path aapl = ownData.resolve(OhlcvCsvReader.fileName("AAPL", "1h"));
        List<String> lines = Files.readAllLines(aapl);
        Files.write(aapl, lines.subList(0, lines.size() - 1)); // rewritten: its last bar is gone

        OperationLog log = bindJobLog("op_rewritten");
        TrainingProgressBridge bridge = new TrainingProgressBridge();
        new TrainingOrchestrator(new TrainingSettings(ownData, modelsDir)).run("op_rewritten", request(), bridge, plan);

        assertThat(warnings(log)).anySatisfy(line -> assertThat(line).contains("the dataset changed")
                .contains("training from epoch 1"));
        assertThat(bridge.metrics(0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(bridge.snapshot().context()).doesNotContainKey("resumed_from_epoch");
    }

    @Test
    void onlyTheLastKeepCheckpointsRemainAndACancelRemovesThemAll() throws IOException {
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_keep", 1, 3);
        crashAtEpoch(6, plan);
        assertThat(checkpoints(plan)).containsExactly("epoch-000003", "epoch-000004", "epoch-000005");
        assertThat(plan.dir().resolve("epoch-000005/checkpoint.json")).isRegularFile();

        TrainingProgressBridge cancelling = new TrainingProgressBridge() {
            @Override
            public void onEpoch(EpochMetrics m) {
                super.onEpoch(m);
                requestCancel();
            }
        };
        assertThatThrownBy(() -> orchestrator(modelsDir).run("op_keep", request(), cancelling, plan))
                .isInstanceOf(io.opsbridge.core.bridge.OperationCancelledException.class);
        assertThat(plan.dir()).doesNotExist();
    }

    @Test
    void aRequestWithoutSeedLeavesNoCheckpoint() {
        modelsDir = tmp.resolve("models");
        CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_unseeded", 1, 2);
        assertThatThrownBy(() -> orchestrator(modelsDir).run("op_unseeded", request().withSeed(null),
                crashingBridge(2), plan)).hasMessageContaining("crash");
        assertThat(plan.dir()).doesNotExist();
    }

    private void crashAtEpoch(int epoch, CheckpointPlan plan) {
        TrainingOrchestrator first = orchestrator(modelsDir);
        assertThatThrownBy(() -> first.run(plan.dir().getFileName().toString(), request(), crashingBridge(epoch), plan))
                .hasMessageContaining("crash");
    }

    /** A worker that dies (not a cancel) right after reporting {@code epoch}. */
    private static TrainingProgressBridge crashingBridge(int epoch) {
        return new TrainingProgressBridge() {
            @Override
            public void onEpoch(EpochMetrics m) {
                super.onEpoch(m);
                if (m.epoch() == epoch) {
                    throw new RuntimeException("simulated crash after epoch " + epoch);
                }
            }
        };
    }

    private void assertSameAsStraight(TrainingResult resumed) throws IOException {
        assertThat(resumed.history()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6);
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics want = straight.history().get(i);
            EpochMetrics got = resumed.history().get(i);
            assertThat(got.trainLoss()).as("train loss, epoch " + (i + 1)).isCloseTo(want.trainLoss(), within(1e-6));
            assertThat(got.valLoss()).as("val loss, epoch " + (i + 1)).isCloseTo(want.valLoss(), within(1e-6));
            assertThat(got.trainAccuracy()).as("train accuracy").isCloseTo(want.trainAccuracy(), within(1e-6));
            assertThat(got.valAccuracy()).as("val accuracy").isCloseTo(want.valAccuracy(), within(1e-6));
        }
        assertThat(Files.mismatch(straight.modelPath().resolve(PARAMS), resumed.modelPath().resolve(PARAMS)))
                .as("the resumed model's weights file equals the straight run's byte for byte").isEqualTo(-1L);
    }

    private static List<String> checkpoints(CheckpointPlan plan) throws IOException {
        try (var entries = Files.list(plan.dir())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static OperationLog bindJobLog(String operationId) {
        OperationLog log = new OperationLog(operationId, 1000, l -> { });
        JobLog.bind(log);
        return log;
    }

    private static List<String> warnings(OperationLog log) {
        return log.page(0, 1000).lines().stream().filter(l -> l.level().equals("warn")).map(LogLine::message).toList();
    }

    private static TrainingOrchestrator orchestrator(Path modelsDir) {
        return new TrainingOrchestrator(new TrainingSettings(dataDir, modelsDir));
    }

    private static TrainingRequest request() {
        return new TrainingRequest(null, SYMBOLS, "1h", EPOCHS, 32, 0.005, 0.2, null, 7L, null, null);
    }

}

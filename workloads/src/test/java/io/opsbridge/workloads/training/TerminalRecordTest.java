package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record a one-job training host leaves on the shared volume, as the backend reads it back. */
class TerminalRecordTest {

    private static final Instant T0 = Instant.parse("2026-12-07T16:00:00Z");
    private static final String KEY = "op_training_20261207_160000_ab12cd";

    @TempDir
    Path models;

    @Test
    void aCompletedTrainingReadsBackAsItWasWritten() throws Exception {
        List<Map<String, Object>> metrics = List.of(Map.of("epoch", 1, "train_loss", 0.69),
                Map.of("epoch", 2, "train_loss", 0.61));
        TerminalRecord written = TerminalRecord.of(KEY, ended(OperationStatus.COMPLETED,
                Map.of("model_path", "/models/mlp_direction/host_training_1", "epochs_completed", 2), null, Map.of()),
                metrics, T0);

        Path file = written.writeTo(models);

        assertThat(file).isEqualTo(models.resolve("terminal").resolve(KEY + ".json"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
        TerminalRecord read = TerminalRecord.read(models, KEY).orElseThrow();
        assertThat(read).isEqualTo(written);
        assertThat(read.modelPath()).isEqualTo("/models/mlp_direction/host_training_1");
        assertThat(read.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2);
        assertThat(read.operation().completedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(read.exitCode()).isZero();
        assertThat(Files.readString(file)).contains("\"checkpoint_key\"", "\"model_path\"", "\"result_summary\"")
                .doesNotContain("failureRepeats", "exit_code");
    }

    @Test
    void aFailureThatRepeatsMeansExitCodeThreeAndNoModel() {
        TerminalRecord failed = TerminalRecord.of(KEY, ended(OperationStatus.FAILED, null, "AAPL_1h.csv: line 3 is "
                + "not a bar", Map.of(ProgressContext.FAILURE_REPEATS, true)), List.of(), T0);
        failed.writeTo(models);

        TerminalRecord read = TerminalRecord.read(models, KEY).orElseThrow();
        assertThat(read.failureRepeats()).isTrue();
        assertThat(read.exitCode()).isEqualTo(TerminalRecord.EXIT_REPEATS).isEqualTo(3);
        assertThat(read.modelPath()).isNull();
        assertThat(read.operation().errorMessage()).contains("line 3");
    }

    @Test
    void otherEndsExitZero() {
        assertThat(TerminalRecord.of(KEY, ended(OperationStatus.FAILED, null, "out of memory", Map.of()), List.of(), T0)
                .exitCode()).isZero();
        assertThat(TerminalRecord.of(KEY, ended(OperationStatus.CANCELLED, null, null, Map.of()), List.of(), T0)
                .exitCode()).isZero();
    }

    @Test
    void aSecondRecordReplacesTheFirstWhole() {
        TerminalRecord.of(KEY, ended(OperationStatus.FAILED, null, "first", Map.of()), List.of(), T0).writeTo(models);
        TerminalRecord.of(KEY, ended(OperationStatus.CANCELLED, null, null, Map.of()), List.of(), T0).writeTo(models);

        assertThat(TerminalRecord.read(models, KEY).orElseThrow().operation().status())
                .isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void noRecordBeforeTheTrainingEnds() {
        assertThat(TerminalRecord.read(models, KEY)).isEmpty();
        OperationInfo running = ended(OperationStatus.COMPLETED, null, null, Map.of());
        OperationInfo stillRunning = new OperationInfo(running.operationId(), running.operationType(),
                OperationStatus.RUNNING, T0, T0, T0, null, running.progress(), running.metadata(), null, null, 0, 2);
        assertThatThrownBy(() -> TerminalRecord.of(KEY, stillRunning, List.of(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("running");
    }

    @Test
    void aKeyThatIsNoFileNameIsRefused() {
        assertThatThrownBy(() -> TerminalRecord.file(models, "../elsewhere")).isInstanceOf(IllegalArgumentException.class);
    }

    private static OperationInfo ended(OperationStatus status, Map<String, Object> result, String error,
            Map<String, Object> context) {
        OperationProgress progress = new OperationProgress(100, "done", "Epoch 2/2", 2, 2, 0, 0, null, context);
        return new OperationInfo("host_training_1", OperationType.TRAINING, status, T0, T0.plusSeconds(1),
                T0.plusSeconds(9), T0.plusSeconds(9), progress, new OperationMetadata(List.of("AAPL"), "1h", "local",
                        null, null, "1", Map.of("epochs", 2)), result, error, 2, 7);
    }
}

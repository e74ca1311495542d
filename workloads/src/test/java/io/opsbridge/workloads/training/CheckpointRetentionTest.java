package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.retention.RetentionService;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryIdempotencyKeyStore;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes a failed training's checkpoints and terminal record with its record, and nothing of what it keeps. */
class CheckpointRetentionTest {

    @TempDir
    Path tmp;

    @Test
    void theCheckpointsAndTerminalRecordOfAPurgedTrainingGoWithItAndThoseOfOneStillRunningStay() throws IOException {
        Settings settings = new Settings(RuntimeSettings.of(Map.of()));
        InMemoryOperationStore store = new InMemoryOperationStore();
        OperationsCore core = OperationsCore.builder(store).settings(settings).build();
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(tmp.resolve("data"),
                tmp.resolve("models")));
        String failed = training(core);
        core.lifecycle().start(failed);
        core.lifecycle().fail(failed, "worker lost");
        String running = training(core);
        core.lifecycle().start(running);
        Path failedCheckpoints = checkpointOnDisk(orchestrator, failed);
        Path runningCheckpoints = checkpointOnDisk(orchestrator, running);
        Path failedTerminal = terminalRecordOnDisk(orchestrator, failed);
        Path runningTerminal = terminalRecordOnDisk(orchestrator, running);
        RetentionService retention = new RetentionService(store, new InMemoryIdempotencyKeyStore(), settings,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)), List.of(new CheckpointRetention(orchestrator)));

        RetentionService.Result result = retention.apply(Duration.ZERO, true, false);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(store.wasDeleted(failed)).isTrue();
        assertThat(failedCheckpoints).doesNotExist();
        assertThat(failedTerminal).as("the terminal record a Job's pod left").doesNotExist();
        assertThat(runningCheckpoints.resolve("epoch-000002/checkpoint.json")).exists();
        assertThat(runningTerminal).exists();
        assertThat(tmp.resolve("models/checkpoints")).isDirectory();
    }

    private static String training(OperationsCore core) {
        return core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of("seed", 3))).operationId();
    }

    /** A stand-in terminal record where a Job's training leaves it (its content does not matter here). */
    private static Path terminalRecordOnDisk(TrainingOrchestrator orchestrator, String operationId) throws IOException {
        Path file = orchestrator.terminalRecordFile(operationId);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    /** A stand-in checkpoint directory as a training leaves it (its content does not matter here). */
    private static Path checkpointOnDisk(TrainingOrchestrator orchestrator, String operationId) throws IOException {
        Path dir = orchestrator.checkpointPlan(operationId, 1, 2).dir();
        Files.createDirectories(dir.resolve("epoch-000002"));
        Files.writeString(dir.resolve("epoch-000002/checkpoint.json"), "{}");
        return dir;
    }
}

package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;

import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed training whose checkpoint no longer fits its data starts over, and says so everywhere. */
class TrainingResumesTest {

    private static final int EPOCHS = 5;

    @TempDir
    Path tmp;
    private OperationRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.shutdown();
        }
    }

    @Test
    void aResumeAfterTheDatasetChangedStartsAtEpochOneAndReplacesTheEarlierMetrics() throws IOException {
        Path data = tmp.resolve("data");
        new SampleDataGenerator(42).generate(data, List.of("AAPL"), "1h", 300);
        Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.training.checkpoint-every", "1"),
                TrainingCheckpointConfig.class, TrainingAttemptsConfig.class));
        InMemoryOperationStore store = new InMemoryOperationStore();
        OperationsCore core = OperationsCore.builder(store).settings(settings).build();
        runner = new OperationRunner(core.lifecycle(), core.sources(), settings, new OperationLogs(store, settings));
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(data, tmp.resolve("models")));
        TrainingResumes trainings = new TrainingResumes(new TrainingJobs(orchestrator, runner, settings), orchestrator,
                store, settings);
        OperationResumes resumes = new OperationResumes(core.lifecycle(), List.of(trainings));
        TrainingRequest request = new TrainingRequest(null, List.of("AAPL"), "1h", EPOCHS, 16, 0.001, 0.2, null, 3L,
                null, null).withDefaults();
        OperationInfo created = core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(request.symbols(), request.timeframe(), request.toParameters()));
        String id = created.operationId();
        CheckpointPlan plan = orchestrator.checkpointPlan(id, 1, 2);
        runner.submit(created, new FailingAtEpoch(4), bridge -> orchestrator.run(id, request, bridge, plan).toSummary());
        await().atMost(Duration.ofMinutes(1)).until(() -> store.require(id).status() == OperationStatus.FAILED);
        assertThat(epochs(store, id)).containsExactly(1, 2, 3);
        Object firstLoss = store.metrics(id, 0).metrics().get(0).get("train_loss");
        assertThat(trainings.checkpointEpoch(store.require(id))).hasValue(3);

        Files.delete(data.resolve(OhlcvCsvReader.fileName("AAPL", "1h"))); // a data load between the attempts
        new SampleDataGenerator(7).generate(data, List.of("AAPL"), "1h", 300);
        assertThat(trainings.checkpointEpoch(store.require(id))).hasValue(0);
        resumes.resume(id);

        await().atMost(Duration.ofMinutes(1)).until(() -> store.require(id).status() == OperationStatus.COMPLETED);
        OperationInfo done = store.require(id);
        assertThat(done.attempts().count()).isEqualTo(2);
        assertThat(done.attempts().current().fromEpoch()).isZero();
        assertThat(epochs(store, id)).as("every epoch once, from the new run").containsExactly(1, 2, 3, 4, 5);
        assertThat(store.metrics(id, 0).metrics().get(0).get("train_loss")).isNotEqualTo(firstLoss);
        assertThat(ProgressContext.startedOver(done.progress()))
                .as("the trainer says it started over: a backend copying a host's metrics replaces its own").isTrue();
        List<String> log = store.log(id, 0, 200).lines().stream().map(LogLine::message).toList();
        assertThat(log).anyMatch(line -> line.startsWith("the checkpoint of epoch 3 no longer fits: the dataset changed")
                && line.endsWith("training again from epoch 1, the earlier attempts' metrics are replaced"));
    }

    private static List<Object> epochs(InMemoryOperationStore store, String id) {
        return store.metrics(id, 0).metrics().stream().map(m -> m.get("epoch")).toList();
    }

    /** The first attempt dies as the process would, after the checkpoint of the epoch before {@code epoch}. */
    private static final class FailingAtEpoch extends TrainingProgressBridge {
        private final int epoch;

        FailingAtEpoch(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onEpochStarted(int started) {
            if (started == epoch) {
                throw new IllegalStateException("worker lost at epoch " + started);
            }
            super.onEpochStarted(started);
        }
    }
}

package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local training's checkpoints: keyed by its operation id, as the runtime settings say at its start. */
class TrainingJobsTest {

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
    void aSubmittedTrainingKeepsItsCheckpointsUnderItsOperationIdAsTheSettingsSayUntilCancelled() throws IOException {
        new SampleDataGenerator(42).generate(tmp.resolve("data"), List.of("AAPL"), "1h", 300);
        Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.training.checkpoint-every", "2",
                "opsbridge.training.checkpoint-keep", "1"), TrainingCheckpointConfig.class));
        InMemoryOperationStore store = new InMemoryOperationStore();
        OperationsCore core = OperationsCore.builder(store).settings(settings).build();
        runner = new OperationRunner(core.lifecycle(), core.sources(), settings, new OperationLogs(store, settings));
        TrainingJobs jobs = new TrainingJobs(new TrainingOrchestrator(new TrainingSettings(tmp.resolve("data"),
                tmp.resolve("models"))), runner, settings);
        TrainingRequest request = new TrainingRequest(null, List.of("AAPL"), "1h", 2000, 16, 0.001, 0.2, null, 3L,
                null, null).withDefaults();
        OperationInfo created = core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(request.symbols(), request.timeframe(), request.toParameters()));

        jobs.submit(created, request);

        Path checkpoints = tmp.resolve("models/checkpoints").resolve(created.operationId());
        await().atMost(Duration.ofMinutes(1))
                .failFast("the training ended", () -> core.operations().get(created.operationId(), true).status()
                        .isTerminal())
                // any epoch from 4 on: with keep 1 each is replaced by the next within milliseconds
                .until(() -> names(checkpoints).stream().anyMatch(n -> Integer.parseInt(n.substring(6)) >= 4));
        assertThat(names(checkpoints)).allMatch(name -> name.matches("epoch-\\d{5}[02468]"))
                .hasSizeLessThanOrEqualTo(2); // keep 1, and the next may be moving in

        core.lifecycle().cancel(created.operationId());
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(checkpoints));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }
}

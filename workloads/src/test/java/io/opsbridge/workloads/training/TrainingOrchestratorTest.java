package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.bridge.OperationCancelledException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingOrchestratorTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "GOOG");

    @TempDir
    Path tmp;
    private Path modelsDir;
    private TrainingOrchestrator orchestrator;

    @BeforeEach
    void setUp() {
        Path dataDir = tmp.resolve("data");
        modelsDir = tmp.resolve("models");
        new SampleDataGenerator(42).generate(dataDir, SYMBOLS, "1h", 300);
        orchestrator = new TrainingOrchestrator(new TrainingSettings(dataDir, modelsDir));
    }

    @Test
    void trainsTwoEpochsAndSavesACompleteArtifact() throws Exception {
        RecordingBridge bridge = new RecordingBridge();

        TrainingResult result = orchestrator.run("op_e2e", request(2), bridge);

        Path dir = modelsDir.resolve("mlp_direction/op_e2e");
        assertThat(result.modelPath()).isEqualTo(dir);
        assertThat(dir.resolve("descriptor.json")).isRegularFile();
        assertThat(dir.resolve("direction_mlp-0000.params")).isRegularFile();
        try (var files = Files.list(modelsDir.resolve("mlp_direction"))) {
            assertThat(files).containsExactly(dir); // no temporary directory left
        }

        Map<String, Object> descriptor = new ObjectMapper().readValue(dir.resolve("descriptor.json").toFile(),
                new TypeReference<Map<String, Object>>() { });
        assertThat(descriptor.get("layer_sizes")).isEqualTo(List.of(8, 32, 16, 3));
        assertThat(descriptor.get("feature_names")).isEqualTo(FeatureExtractor.FEATURE_NAMES);
        assertThat(descriptor.get("label_classes")).isEqualTo(List.of("down", "flat", "up"));
        assertThat((List<?>) descriptor.get("scaler_means")).hasSize(8);
        assertThat((List<?>) descriptor.get("scaler_stds")).hasSize(8);
        assertThat(descriptor.get("epochs")).isEqualTo(2);
        assertThat(descriptor.get("symbols")).isEqualTo(SYMBOLS);
        assertThat(descriptor.get("timeframe")).isEqualTo("1h");
        assertThat(descriptor.get("pytorch_version")).isEqualTo("2.7.1");
        assertThat(descriptor.get("djl_version")).isEqualTo("0.35.1");
        assertThat(descriptor.get("final_metrics")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("train_loss", "train_accuracy", "val_loss", "val_accuracy");
        assertThat((String) descriptor.get("created_at")).endsWith("Z");

        assertThat(bridge.metrics(0).metrics()).hasSize(2)
                .extracting(m -> m.get("epoch")).containsExactly(1, 2);
        assertThat(bridge.percentages).isSorted();
        assertThat(bridge.percentages.get(bridge.percentages.size() - 1))
                .isEqualTo(TrainingProgressBridge.TRAINING_CEILING);
        assertThat(bridge.phases).containsSubsequence("loading_data", "features", "training", "saving");
        assertThat(bridge.snapshot().percentage()).isEqualTo(100.0);
        assertThat(bridge.snapshot().currentStep()).isEqualTo("Epoch 2/2");
        assertThat(bridge.snapshot().stepsCompleted()).isEqualTo(2);

        assertThat(result.toSummary())
                .containsEntry("model_path", dir.toString())
                .containsEntry("strategy", "mlp_direction")
                .containsEntry("epochs_completed", 2)
                .containsEntry("symbols", SYMBOLS)
                .containsEntry("timeframe", "1h")
                .containsKeys("final_train_loss", "final_val_loss", "final_train_accuracy", "final_val_accuracy",
                        "samples_train", "samples_val", "duration_ms");
        int samples = 3 * (300 - FeatureExtractor.WARMUP - 1);
        assertThat(result.samplesTrain() + result.samplesVal()).isEqualTo(samples);
        assertThat(result.samplesVal()).isEqualTo(3 * Math.round((300 - FeatureExtractor.WARMUP - 1) * 0.2f));
    }

    @Test
    void cancelAfterTheFirstEpochStopsBeforeAnotherBatchAndLeavesNoModel() {
        RecordingBridge bridge = new RecordingBridge() {
            @Override
            public void onEpoch(EpochMetrics m) {
                super.onEpoch(m);
                requestCancel();
            }
        };

        assertThatThrownBy(() -> orchestrator.run("op_cancel", request(5), bridge))
                .isInstanceOf(OperationCancelledException.class);

        assertThat(bridge.batchesAfterCancel).isZero();
        assertThat(bridge.metrics(0).metrics()).hasSize(1);
        assertThat(modelsDir.resolve("mlp_direction/op_cancel")).doesNotExist();
    }

    @Test
    void cancelDuringAnEpochStopsAtTheNextBatch() {
        RecordingBridge bridge = new RecordingBridge() {
            @Override
            public void onBatch(int epoch, int batch, int totalBatches, double loss) {
                super.onBatch(epoch, batch, totalBatches, loss);
                if (batch == 2) {
                    requestCancel();
                }
            }
        };

        assertThatThrownBy(() -> orchestrator.run("op_cancel_mid", request(2), bridge))
                .isInstanceOf(OperationCancelledException.class);

        assertThat(bridge.percentages).hasSize(2);
        assertThat(bridge.metrics(0).metrics()).isEmpty();
    }

    @Test
    void cancelWhileSavingDiscardsTheSavedModel() {
        RecordingBridge bridge = new RecordingBridge() {
            @Override
            public void onPhase(String phase, String message) {
                super.onPhase(phase, message);
                if (phase.equals(PHASE_SAVING)) {
                    requestCancel();
                }
            }
        };

        assertThatThrownBy(() -> orchestrator.run("op_cancel_save", request(1), bridge))
                .isInstanceOf(OperationCancelledException.class);

        assertThat(modelsDir.resolve("mlp_direction/op_cancel_save")).doesNotExist();
    }

    @Test
    void sameSeedTrainsTheSameModel() {
        TrainingResult first = orchestrator.run("op_seed_1", request(1), new TrainingProgressBridge());
        TrainingResult second = orchestrator.run("op_seed_2", request(1), new TrainingProgressBridge());

        assertThat(second.finalEpoch().valLoss()).isEqualTo(first.finalEpoch().valLoss());
        assertThat(second.finalEpoch().trainLoss()).isEqualTo(first.finalEpoch().trainLoss());
    }

    @Test
    void anInvalidRequestFailsBeforeAnyProgress() {
        TrainingProgressBridge bridge = new TrainingProgressBridge();
        TrainingRequest unknownSymbol = TrainingRequest.of(List.of("TSLA"), "1h", 1);

        assertThatThrownBy(() -> orchestrator.run("op_bad", unknownSymbol, bridge))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("dataset TSLA 1h was never loaded");
        assertThat(bridge.version()).isZero();
    }

    private static TrainingRequest request(int epochs) {
        return new TrainingRequest(null, SYMBOLS, "1h", epochs, 32, 0.005, 0.2, null, 7L, null, null);
    }

    /** Remembers what the orchestrator reported. */
    static class RecordingBridge extends TrainingProgressBridge {
        final List<Double> percentages = new ArrayList<>();
        final List<String> phases = new ArrayList<>();
        int batchesAfterCancel;

        @Override
        public void onPhase(String phase, String message) {
            super.onPhase(phase, message);
            phases.add(phase);
        }

        @Override
        public void onBatch(int epoch, int batch, int totalBatches, double loss) {
            if (isCancelRequested()) {
                batchesAfterCancel++;
            }
            super.onBatch(epoch, batch, totalBatches, loss);
            percentages.add(snapshot().percentage());
        }
    }
}

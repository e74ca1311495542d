package io.opsbridge.workloads.training;

import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.ProgressSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingProgressBridgeTest {

    private final TrainingProgressBridge bridge = new TrainingProgressBridge();

    @Test
    void onEpochAppendsOneMetricPerEpochWithExactlyTheDocumentedKeys() {
        bridge.onTrainingStarted(3, 100, 10);
        for (int epoch = 1; epoch <= 3; epoch++) {
            bridge.onEpochStarted(epoch);
            bridge.onEpoch(new EpochMetrics(epoch, 1.0 / epoch, 0.4, 1.1, 0.35, 0.001, 12));
        }

        MetricsPage page = bridge.metrics(0);
        assertThat(page.metrics()).hasSize(3);
        assertThat(page.newCursor()).isEqualTo(3);
        assertThat(page.metrics()).allSatisfy(m -> assertThat(m).containsOnlyKeys("epoch", "train_loss",
                "train_accuracy", "val_loss", "val_accuracy", "learning_rate", "duration_ms", "timestamp"));
        assertThat(page.metrics().get(1)).containsEntry("epoch", 2).containsEntry("train_loss", 0.5)
                .containsEntry("duration_ms", 12L);
        assertThat(Instant.parse((String) page.metrics().get(2).get("timestamp"))).isNotNull();
        ProgressSnapshot state = bridge.snapshot();
        assertThat(state.currentStep()).isEqualTo("Epoch 3/3");
        assertThat(state.stepsCompleted()).isEqualTo(3);
        assertThat(state.stepsTotal()).isEqualTo(3);
        assertThat(state.itemsProcessed()).isEqualTo(300);
    }

    @Test
    void percentageNeverDecreasesAndReaches100OnlyOnCompletion() {
        int epochs = 3;
        int batches = 7;
        bridge.onTrainingStarted(epochs, 65, 10);
        List<Double> seen = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            bridge.onEpochStarted(epoch);
            seen.add(bridge.snapshot().percentage());
            for (int batch = 1; batch <= batches; batch++) {
                bridge.onBatch(epoch, batch, batches, 0.9);
                seen.add(bridge.snapshot().percentage());
            }
            bridge.onEpoch(new EpochMetrics(epoch, 0.9, 0.5, 1.0, 0.4, 0.001, 5));
            seen.add(bridge.snapshot().percentage());
        }

        assertThat(seen).isSorted();
        assertThat(seen).allSatisfy(p -> assertThat(p).isBetween(0.0, TrainingProgressBridge.TRAINING_CEILING));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(TrainingProgressBridge.TRAINING_CEILING);
        bridge.onCompleted("done");
        assertThat(bridge.snapshot().percentage()).isEqualTo(100.0);
    }

    @Test
    void batchReportsFollowTheDocumentedFormulaAndCountSamples() {
        bridge.onTrainingStarted(4, 95, 10);
        bridge.onEpochStarted(2);
        bridge.onBatch(2, 5, 10, 0.75);

        ProgressSnapshot state = bridge.snapshot();
        assertThat(state.percentage()).isEqualTo((10 + 5) / 40.0 * 100);
        assertThat(state.itemsProcessed()).isEqualTo(95 + 50);
        assertThat(state.itemsTotal()).isEqualTo(4 * 95);
        assertThat(state.currentStep()).isEqualTo("Epoch 2/4");
        assertThat(state.context()).containsEntry("batch", 5).containsEntry("train_loss", 0.75)
                .containsEntry("epoch", 2);
    }

    @Test
    void onPhaseSetsMessageAndPhaseContext() {
        bridge.onPhase(TrainingProgressBridge.PHASE_LOADING_DATA, "Loading AAPL");

        assertThat(bridge.snapshot().message()).isEqualTo("Loading AAPL");
        assertThat(bridge.snapshot().context()).containsEntry("phase", "loading_data");
    }

    @Test
    void everyWriteAfterCancelThrowsAndChangesNothing() {
        bridge.onTrainingStarted(2, 10, 5);
        bridge.onEpochStarted(1);
        long version = bridge.version();
        bridge.requestCancel();

        assertThatThrownBy(() -> bridge.onBatch(1, 1, 2, 0.5)).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.onEpoch(new EpochMetrics(1, 1, 0, 1, 0, 0.1, 1)))
                .isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.onPhase("saving", "x")).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.onCompleted("done")).isInstanceOf(OperationCancelledException.class);
        assertThat(bridge.version()).isEqualTo(version);
        assertThat(bridge.metrics(0).metrics()).isEmpty();
    }

    @Test
    void batchBeforeThePlanIsAProgrammingError() {
        assertThatThrownBy(() -> bridge.onBatch(1, 1, 1, 0.1)).isInstanceOf(IllegalStateException.class);
    }
}

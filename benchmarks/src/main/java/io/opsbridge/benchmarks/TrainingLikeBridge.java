package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.ProgressBridge;
import java.util.Map;

/**
 * A stand-in for the training bridge of {@code workloads} with the same event shapes, so the
 * benchmarks measure operations-engine alone: a batch updates the state, an epoch appends a metric.
 */
public class TrainingLikeBridge extends ProgressBridge {

    private final int totalEpochs;

    public TrainingLikeBridge(int totalEpochs) {
        this.totalEpochs = totalEpochs;
    }

    /** One training batch: percentage, items and the running loss, as one state write. */
    public void onBatch(int epoch, int batch, int totalBatches, double loss) {
        long total = (long) totalEpochs * totalBatches;
        long done = (long) epoch * totalBatches + batch;
        updateState(w -> w.percentage(100.0 * done / total)
                .items(done, total)
                .context("batch_loss", loss));
    }

    /** One finished epoch: builds its 8-key metric here, as a real worker does, and appends it. */
    public void onEpoch(int epoch, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy,
            double learningRate, long durationMillis) {
        appendMetric(Map.of(
                "epoch", epoch,
                "total_epochs", totalEpochs,
                "train_loss", trainLoss,
                "val_loss", valLoss,
                "train_accuracy", trainAccuracy,
                "val_accuracy", valAccuracy,
                "learning_rate", learningRate,
                "duration_ms", durationMillis));
    }

    /** Appends a metric the caller already built: the bridge's own share of {@link #onEpoch}. */
    public void onEpoch(Map<String, Object> metric) {
        appendMetric(metric);
    }

    /** The 8-key metric of one epoch, shaped like the one {@link #onEpoch(int, double, double, double, double, double, long)} builds. */
    public static Map<String, Object> sampleEpochMetric(int epoch, int totalEpochs) {
        return Map.of(
                "epoch", epoch,
                "total_epochs", totalEpochs,
                "train_loss", 0.42,
                "val_loss", 0.47,
                "train_accuracy", 0.81,
                "val_accuracy", 0.78,
                "learning_rate", 1e-3,
                "duration_ms", 12_345L);
    }
}

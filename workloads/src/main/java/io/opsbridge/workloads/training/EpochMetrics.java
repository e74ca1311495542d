package io.opsbridge.workloads.training;

/**
 * What one finished epoch measured. Losses are mean softmax cross-entropy per sample, accuracies the
 * share of samples whose most likely class was the label.
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double valLoss,
        double valAccuracy,
        double learningRate,
        long durationMs) {
}

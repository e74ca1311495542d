package io.opsbridge.workloads.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a completed training: where its model is and how well it did. */
public record TrainingResult(
        Path modelPath,
        String strategy,
        String version,
        List<EpochMetrics> history,
        int samplesTrain,
        int samplesVal,
        long durationMs,
        List<String> symbols,
        String timeframe) {

    public TrainingResult {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a completed training has at least one epoch");
        }
        history = List.copyOf(history);
        symbols = List.copyOf(symbols);
    }

    public int epochsCompleted() {
        return history.size();
    }

    public EpochMetrics finalEpoch() {
        return history.get(history.size() - 1);
    }

    /** The operation's {@code result_summary}: snake_case keys, JSON-ready values. */
    public Map<String, Object> toSummary() {
        EpochMetrics last = finalEpoch();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model_path", modelPath.toString());
        summary.put("strategy", strategy);
        summary.put("model_version", version);
        summary.put("epochs_completed", epochsCompleted());
        summary.put("final_train_loss", last.trainLoss());
        summary.put("final_val_loss", last.valLoss());
        summary.put("final_train_accuracy", last.trainAccuracy());
        summary.put("final_val_accuracy", last.valAccuracy());
        summary.put("samples_train", samplesTrain);
        summary.put("samples_val", samplesVal);
        summary.put("duration_ms", durationMs);
        summary.put("symbols", symbols);
        summary.put("timeframe", timeframe);
        return summary;
    }
}

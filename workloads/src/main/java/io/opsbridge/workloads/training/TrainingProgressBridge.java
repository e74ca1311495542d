package io.opsbridge.workloads.training;

import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressWriter;
import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.logs.JobLog;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The progress of one training, written by its worker thread and pulled by readers.
 *
 * <p>The orchestrator calls, in order: {@link #onPhase} for each phase, {@link #onTrainingStarted}
 * once, {@link #onResumed} once if it continues from a checkpoint, then per epoch {@link #onEpochStarted}, {@link #onBatch} per batch and {@link #onEpoch},
 * and finally {@link #onCompleted}. The percentage follows the batches, never decreases and reaches
 * 100 only at {@link #onCompleted}. Every call throws
 * {@link io.opsbridge.core.bridge.OperationCancelledException} once the operation was cancelled.
 *
 * <p>Only one thread (the worker) may call the {@code on*} methods; readers use the base class.
 */
public class TrainingProgressBridge extends ProgressBridge {

    public static final String PHASE_LOADING_DATA = "loading_data";
    public static final String PHASE_FEATURES = "features";
    public static final String PHASE_TRAINING = "training";
    public static final String PHASE_SAVING = "saving";
    public static final String PHASE_COMPLETED = "completed";

    /** Batches may take the percentage up to here; only {@link #onCompleted} goes beyond. */
    static final double TRAINING_CEILING = 99.0;

    private int epochs;
    private long samplesPerEpoch;
    private int batchSize;
    private double percentage;

    // onBatch hands its values to a pre-built writer through these fields instead of capturing them
    // in a new lambda, so a batch report allocates nothing but the boxed context values.
    private int pendingBatch;
    private int pendingTotalBatches;
    private double pendingLoss;
    private long pendingItems;
    private final Consumer<ProgressWriter> batchWriter = this::writeBatch;

    /** Sets the phase (context {@code phase}) and the human-readable message. */
    public void onPhase(String phase, String message) {
        updateState(w -> w.message(message).context("phase", phase));
        JobLog.info(message);
    }

    /** Announces the plan the percentage and item counts are measured against. */
    public void onTrainingStarted(int epochs, long samplesPerEpoch, int batchSize) {
        if (epochs <= 0 || samplesPerEpoch <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("epochs, samples and batch size must be positive");
        }
        this.epochs = epochs;
        this.samplesPerEpoch = samplesPerEpoch;
        this.batchSize = batchSize;
        long itemsTotal = epochs * samplesPerEpoch;
        updateState(w -> w.steps(0, epochs).items(0, itemsTotal));
        JobLog.info("training " + epochs + " epochs of " + samplesPerEpoch + " samples, batch size " + batchSize);
    }

    /**
     * Announces that training continues after {@code fromEpoch} from a checkpoint: context
     * {@code resumed_from_epoch}, and the percentage, steps and items of the epochs already done.
     * Only the epochs run from here on are reported by {@link #onEpoch}.
     */
    public void onResumed(int fromEpoch) {
        requirePlan();
        if (fromEpoch < 1 || fromEpoch > epochs) {
            throw new IllegalArgumentException("cannot resume after epoch " + fromEpoch + " of " + epochs);
        }
        percentage = Math.max(percentage, Math.min(100.0 * fromEpoch / epochs, TRAINING_CEILING));
        double pct = percentage;
        long items = fromEpoch * samplesPerEpoch;
        updateState(w -> w.steps(fromEpoch, epochs).percentage(pct).items(items, epochs * samplesPerEpoch)
                .context("resumed_from_epoch", fromEpoch));
        JobLog.info("resumed from the checkpoint of epoch " + fromEpoch + ": "
                + (fromEpoch < epochs ? "continuing at epoch " + (fromEpoch + 1) + "/" + epochs : "every epoch was done"));
    }

    /**
     * Announces that a checkpoint was refused (it no longer fits the data) and training starts again
     * at epoch 1: context {@code started_over}, so whoever copies the metrics replaces the earlier ones.
     */
    public void onStartedOver() {
        updateState(w -> w.context(ProgressContext.STARTED_OVER, true));
    }

    /** Marks the start of an epoch: {@code current_step} becomes e.g. {@code "Epoch 3/10"}. */
    public void onEpochStarted(int epoch) {
        requirePlan();
        String step = "Epoch " + epoch + "/" + epochs;
        updateState(w -> w.currentStep(step).steps(epoch - 1, epochs).context("epoch", epoch));
    }

    /**
     * Reports one finished batch ({@code batch} counts from 1 to {@code totalBatches}).
     * The percentage is {@code ((epoch-1)*totalBatches + batch) / (epochs*totalBatches) * 100},
     * capped below 100 and never lower than before.
     */
    public void onBatch(int epoch, int batch, int totalBatches, double loss) {
        requirePlan();
        double done = ((epoch - 1) * (double) totalBatches + batch) / ((double) epochs * totalBatches);
        percentage = Math.max(percentage, Math.min(done * 100.0, TRAINING_CEILING));
        pendingBatch = batch;
        pendingTotalBatches = totalBatches;
        pendingLoss = loss;
        pendingItems = (epoch - 1) * samplesPerEpoch + Math.min((long) batch * batchSize, samplesPerEpoch);
        updateState(batchWriter);
    }

    /** Appends the epoch's metric and marks the epoch done. */
    public void onEpoch(EpochMetrics m) {
        requirePlan();
        Map<String, Object> metric = new LinkedHashMap<>(11);
        metric.put("epoch", m.epoch());
        metric.put("train_loss", m.trainLoss());
        metric.put("train_accuracy", m.trainAccuracy());
        metric.put("val_loss", m.valLoss());
        metric.put("val_accuracy", m.valAccuracy());
        metric.put("learning_rate", m.learningRate());
        metric.put("duration_ms", m.durationMs());
        metric.put("timestamp", Instant.now().toString());
        percentage = Math.max(percentage, Math.min(100.0 * m.epoch() / epochs, TRAINING_CEILING));
        double pct = percentage;
        String step = "Epoch " + m.epoch() + "/" + epochs;
        long items = m.epoch() * samplesPerEpoch;
        appendMetricAndUpdateState(Collections.unmodifiableMap(metric), w -> w
                .currentStep(step)
                .steps(m.epoch(), epochs)
                .percentage(pct)
                .items(items, epochs * samplesPerEpoch)
                .context("train_loss", m.trainLoss())
                .context("val_loss", m.valLoss())
                .context("val_accuracy", m.valAccuracy()));
        JobLog.info(String.format(java.util.Locale.ROOT, "%s: train loss %.4f, val loss %.4f, val accuracy %.3f (%d ms)",
                step, m.trainLoss(), m.valLoss(), m.valAccuracy(), m.durationMs()));
    }

    /** The training is over and its model saved: percentage 100. */
    public void onCompleted(String message) {
        percentage = 100.0;
        updateState(w -> w.percentage(100.0).message(message).context("phase", PHASE_COMPLETED));
        JobLog.info(message);
    }

    private void writeBatch(ProgressWriter w) {
        w.percentage(percentage)
                .items(pendingItems, epochs * samplesPerEpoch)
                .context("batch", pendingBatch)
                .context("total_batches", pendingTotalBatches)
                .context("train_loss", pendingLoss);
    }

    private void requirePlan() {
        if (epochs == 0) {
            throw new IllegalStateException("onTrainingStarted must be called first");
        }
    }
}

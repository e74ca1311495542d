package io.opsbridge.benchmarks;

/**
 * The event stream of one simulated training worker: batch after batch, an epoch every
 * {@link #BATCHES_PER_EPOCH} batches. Values change on every call so nothing folds to a constant.
 */
final class TrainingWorker {

    static final int TOTAL_EPOCHS = 1_000;
    static final int BATCHES_PER_EPOCH = 1_000;

    private int epoch;
    private int batch;

    /** Reports the next batch, and the epoch's metric when that batch ends an epoch. */
    void step(TrainingLikeBridge bridge) {
        bridge.onBatch(epoch, batch, BATCHES_PER_EPOCH, 0.5 + batch * 1e-6);
        if (++batch == BATCHES_PER_EPOCH) {
            batch = 0;
            epoch = (epoch + 1) % TOTAL_EPOCHS;
            reportEpoch(bridge, epoch);
        }
    }

    /** Reports the next batch only. */
    void batch(TrainingLikeBridge bridge) {
        bridge.onBatch(epoch, batch, BATCHES_PER_EPOCH, 0.5 + batch * 1e-6);
        if (++batch == BATCHES_PER_EPOCH) {
            batch = 0;
            epoch = (epoch + 1) % TOTAL_EPOCHS;
        }
    }

    static void reportEpoch(TrainingLikeBridge bridge, int epoch) {
        double x = epoch * 1e-4;
        bridge.onEpoch(epoch, 0.9 - x, 0.95 - x, 0.5 + x, 0.45 + x, 1e-3, 10_000L + epoch);
    }
}

package io.opsbridge.workloads.training;

/**
 * A checkpoint as a training leaves it: the trainer's state after an epoch, the scaler its samples
 * were scaled with, and what it was trained on.
 */
public record TrainingCheckpoint(TrainerState trainer, double[] scalerMeans, double[] scalerStds,
        TrainingFingerprint fingerprint) {

    public int epoch() {
        return trainer.epoch();
    }

    public StandardScaler scaler() {
        return new StandardScaler(scalerMeans, scalerStds);
    }
}

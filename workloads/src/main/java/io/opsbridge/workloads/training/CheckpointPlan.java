package io.opsbridge.workloads.training;

import java.nio.file.Path;

/**
 * Where and how often a training leaves checkpoints: every {@code every} epochs, the last
 * {@code keep} kept, in {@code dir} ({@code {models-dir}/checkpoints/{key}/}, the key being the
 * backend's operation id). A training run with the same plan again continues from the newest one.
 * {@link #none()} keeps none.
 *
 * <pre>{@code
 * CheckpointPlan plan = CheckpointPlan.under(modelsDir, "op_training_20260101_ab12", 1, 2);
 * }</pre>
 */
public record CheckpointPlan(Path dir, int every, int keep) {

    /** The directory under the models directory that holds every training's checkpoints. */
    public static final String DIRECTORY = "checkpoints";

    public CheckpointPlan {
        if (every < 1 || keep < 1) {
            throw new IllegalArgumentException("checkpoint every and keep must be at least 1, were " + every + ", "
                    + keep);
        }
    }

    /**
     * The plan of the training keyed {@code key} under {@code modelsDir}.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a directory name
     */
    public static CheckpointPlan under(Path modelsDir, String key, int every, int keep) {
        return new CheckpointPlan(ModelArtifact.directory(modelsDir, DIRECTORY, key), every, keep);
    }

    /** No checkpoints: a training starts at epoch 1 and leaves nothing behind. */
    public static CheckpointPlan none() {
        return new CheckpointPlan(null, 1, 1);
    }

    public boolean enabled() {
        return dir != null;
    }
}

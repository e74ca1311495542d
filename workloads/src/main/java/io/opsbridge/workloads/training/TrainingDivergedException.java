package io.opsbridge.workloads.training;

import io.opsbridge.core.DeterministicFailure;

/**
 * A batch's or an epoch's loss became NaN or infinite: the weights are lost, and a new attempt with
 * the same seed and data would diverge at the same step, so it is never retried automatically.
 */
public class TrainingDivergedException extends RuntimeException implements DeterministicFailure {

    public TrainingDivergedException(int epoch, double loss) {
        super("training diverged at epoch " + epoch + ": loss " + loss
                + " (a smaller learning_rate or batch_size may help)");
    }

    /** Throws if {@code loss} is not a finite number. */
    static void check(int epoch, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, loss);
        }
    }
}

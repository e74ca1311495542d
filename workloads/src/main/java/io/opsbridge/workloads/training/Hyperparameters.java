package io.opsbridge.workloads.training;

/**
 * How {@link MlpTrainer} trains.
 *
 * @param seed seeds weight initialisation and shuffling; {@code null} for a fresh random run
 */
public record Hyperparameters(int epochs, int batchSize, double learningRate, Long seed) {

    public Hyperparameters {
        if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs, batch size and learning rate must be positive");
        }
    }

    /** The hyperparameters of a request that had its defaults applied. */
    public static Hyperparameters of(TrainingRequest request) {
        return new Hyperparameters(request.epochs(), request.batchSize(), request.learningRate(), request.seed());
    }
}

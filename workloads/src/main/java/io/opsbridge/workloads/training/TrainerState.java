package io.opsbridge.workloads.training;

import java.util.List;

/**
 * Everything the epochs after {@code epoch} of an {@link MlpTrainer} run depend on: the weights and
 * the optimizer's moments and step count (encoded {@code NDList}s, parameters in the block's order,
 * named in {@code parameterNames}), the shuffle generator and the permutation it has shuffled so
 * far (each epoch shuffles the previous epoch's order again), and the history of the epochs done.
 *
 * @param random the shuffle's {@link java.util.Random}, serialised
 */
public record TrainerState(int epoch, List<EpochMetrics> history, byte[] random, int[] order, int optimizerStep,
        List<String> parameterNames, byte[] parameters, byte[] moments) {

    public TrainerState {
        if (epoch < 1 || history.size() != epoch) {
            throw new IllegalArgumentException("a state after epoch " + epoch + " with " + history.size()
                    + " epochs of history");
        }
        history = List.copyOf(history);
        parameterNames = List.copyOf(parameterNames);
    }
}

package io.opsbridge.workloads.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Takes a {@link TrainerState} from a training in progress, and puts one back into a fresh one. */
final class TrainerStates {

    // A checkpoint file comes from a shared directory: deserialise a Random and nothing else.
    private static final ObjectInputFilter ONLY_RANDOM = ObjectInputFilter.Config.createFilter("java.util.Random;!*");

    private TrainerStates() {
    }

    /** The state after {@code epoch}; copies everything, so training may go on at once. */
    static TrainerState capture(int epoch, List<EpochMetrics> history, Random random, int[] order, Block block,
            CheckpointableAdam optimizer) {
        List<String> names = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        NDList weights = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.add(p.getKey());
            parameters.add(p.getValue());
            weights.add(p.getValue().getArray());
        }
        return new TrainerState(epoch, history, serialise(random), order.clone(), optimizer.step(), names,
                weights.encode(), optimizer.moments(parameters).encode());
    }

    /**
     * Overwrites the initialised weights of {@code block} and the optimizer's state with the saved ones.
     *
     * @throws IllegalStateException if the saved parameters are not the block's
     */
    static void restore(TrainerState state, Block block, CheckpointableAdam optimizer, NDManager manager) {
        List<Parameter> parameters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.add(p.getKey());
            parameters.add(p.getValue());
        }
        if (!names.equals(state.parameterNames())) {
            throw new IllegalStateException("the checkpoint holds parameters " + state.parameterNames()
                    + ", the model has " + names);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDList weights = NDList.decode(scratch, state.parameters());
            for (int i = 0; i < parameters.size(); i++) {
                if (!weights.get(i).getShape().equals(parameters.get(i).getArray().getShape())) {
                    throw new IllegalStateException("parameter " + names.get(i) + " has another shape");
                }
                parameters.get(i).getArray().set(weights.get(i).toFloatArray());
            }
            optimizer.restore(NDList.decode(scratch, state.moments()), parameters, state.optimizerStep());
        }
    }

    static byte[] serialise(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Random random(byte[] serialised) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialised))) {
            in.setObjectInputFilter(ONLY_RANDOM);
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the shuffle state: " + e.getMessage(), e);
        }
    }
}

package io.opsbridge.workloads.training;

import ai.djl.Model;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import java.util.ArrayList;
import java.util.List;

/**
 * The direction classifier's shape: a small multi-layer perceptron, features → 32 → 16 → 3
 * (ReLU between layers, raw logits out). Training and loading build it the same way.
 */
public final class DirectionModel {

    /** The name DJL gives the weights file: {@code direction_mlp-0000.params}. */
    public static final String MODEL_NAME = "direction_mlp";
    /** Pinned, so another DJL engine on the classpath is never picked by accident. */
    public static final String ENGINE = "PyTorch";
    public static final List<Integer> HIDDEN_UNITS = List.of(32, 16);

    private DirectionModel() {
    }

    /** Input width, the hidden layers, then the number of classes, e.g. {@code [8, 32, 16, 3]}. */
    public static List<Integer> layerSizes(int features, int classes) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(features);
        sizes.addAll(HIDDEN_UNITS);
        sizes.add(classes);
        return List.copyOf(sizes);
    }

    /** A new, untrained model with this block; the caller closes it. */
    public static Model newModel(List<Integer> layerSizes) {
        Model model = Model.newInstance(MODEL_NAME, ENGINE);
        model.setBlock(block(layerSizes));
        return model;
    }

    static Block block(List<Integer> layerSizes) {
        if (layerSizes.size() < 2) {
            throw new IllegalArgumentException("need at least input and output sizes: " + layerSizes);
        }
        SequentialBlock block = new SequentialBlock();
        for (int i = 1; i < layerSizes.size(); i++) {
            block.add(Linear.builder().setUnits(layerSizes.get(i)).build());
            if (i < layerSizes.size() - 1) {
                block.add(Activation::relu);
            }
        }
        return block;
    }
}

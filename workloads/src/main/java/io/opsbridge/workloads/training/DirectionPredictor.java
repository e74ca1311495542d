package io.opsbridge.workloads.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A loaded direction model, ready to predict. Safe for concurrent use: each call works in its own
 * native memory scope and only reads the weights. Close it to free the model.
 *
 * <pre>{@code
 * try (DirectionPredictor p = artifact.load(dir)) {
 *     float[] probabilities = p.predict(extractor.latest(bars)); // down, flat, up
 * }
 * }</pre>
 */
public final class DirectionPredictor implements AutoCloseable {

    private final Model model;
    private final ModelDescriptor descriptor;
    private final StandardScaler scaler;

    DirectionPredictor(Model model, ModelDescriptor descriptor) {
        this.model = model;
        this.descriptor = descriptor;
        this.scaler = descriptor.scaler();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The probability of each of {@link ModelDescriptor#labelClasses()} for one row of unscaled
     * features (in the order of {@link ModelDescriptor#featureNames()}).
     */
    public float[] predict(float[] features) {
        float[] scaled = scaler.transform(features);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(scaled, new Shape(1, scaled.length));
            NDArray logits = model.getBlock()
                    .forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow();
            return logits.softmax(-1).toFloatArray();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

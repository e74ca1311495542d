package io.opsbridge.backend.models.serving;

import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.workloads.training.DirectionPredictor;

/**
 * One request's hold on the model it started with; a reload meanwhile does not affect it.
 *
 * <pre>{@code
 * try (ModelLease lease = registry.lease(strategy)) {
 *     float[] p = lease.predictor().predict(features);
 *     return answer(p, lease.version().version());
 * }
 * }</pre>
 */
public final class ModelLease implements AutoCloseable {

    private final LoadedModel model;
    private boolean released;

    ModelLease(LoadedModel model) {
        this.model = model;
    }

    public ModelVersion version() {
        return model.version();
    }

    public DirectionPredictor predictor() {
        return model.predictor();
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            model.release();
        }
    }
}

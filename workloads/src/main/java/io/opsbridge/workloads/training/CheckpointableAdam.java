package io.opsbridge.workloads.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with the math of DJL's {@code ai.djl.training.optimizer.Adam} (0.35: the same bias-corrected
 * learning rate, the same fused {@code adamUpdate} kernel, beta1 0.9, beta2 0.999, epsilon 1e-8,
 * a fixed learning rate), whose state can be saved and restored: DJL's Adam keeps its first and
 * second moments in private fields, so a training resumed with it would start with cold moments
 * and could not end where an uninterrupted run ends.
 *
 * <p>State is keyed by parameter id, which is drawn anew for every model instance: {@link #moments}
 * and {@link #restore} take the parameters in an order the caller fixes (the block's). The moments
 * live in a manager of their own, closed with the optimizer.
 */
public final class CheckpointableAdam extends Optimizer implements AutoCloseable {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final NDManager manager;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private int step;

    /** @param parent the manager the moments' own sub-manager is made from (e.g. the model's) */
    public CheckpointableAdam(float learningRate, NDManager parent) {
        super(new Builder());
        this.learningRate = learningRate;
        this.manager = parent.newSubManager();
    }

    @Override
    public synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        // as DJL's Optimizer.updateCount: a parameter's count, t the largest count so far
        int count = counts.merge(parameterId, 1, Integer::sum);
        step = Math.max(step, count);
        int t = step;
        double coef1 = 1.0 - Math.pow(BETA1, t);
        double coef2 = 1.0 - Math.pow(BETA2, t);
        float biasCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        float weightDecay = getWeightDecay();
        if (Float.isNaN(biasCorrected) || Float.isInfinite(biasCorrected)) {
            throw new IllegalStateException("learning rate is NaN or infinite at step " + t);
        }
        NDArray mean = means.computeIfAbsent(parameterId, id -> zerosLike(weight));
        NDArray variance = variances.computeIfAbsent(parameterId, id -> zerosLike(weight));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
                learningRate, biasCorrected, weightDecay, rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
    }

    /** How many steps were taken (the {@code t} of the next update is this plus one). */
    public synchronized int step() {
        return step;
    }

    /**
     * The first moments of {@code parameters}, then their second moments, each in the given order;
     * a parameter not updated yet has zeros. The arrays are the optimizer's own: encode them, do not
     * close them.
     */
    public synchronized NDList moments(List<Parameter> parameters) {
        NDList list = new NDList(parameters.size() * 2);
        for (Parameter p : parameters) {
            list.add(means.computeIfAbsent(p.getId(), id -> zerosLike(p.getArray())));
        }
        for (Parameter p : parameters) {
            list.add(variances.computeIfAbsent(p.getId(), id -> zerosLike(p.getArray())));
        }
        return list;
    }

    /**
     * Takes back the moments {@link #moments} gave (same parameter order, possibly of another model
     * instance) and the step count, so that the next update is the one an uninterrupted run makes.
     */
    public synchronized void restore(NDList moments, List<Parameter> parameters, int steps) {
        if (moments.size() != parameters.size() * 2) {
            throw new IllegalArgumentException(moments.size() + " moments for " + parameters.size() + " parameters");
        }
        for (int i = 0; i < parameters.size(); i++) {
            String id = parameters.get(i).getId();
            replace(means, id, moments.get(i));
            replace(variances, id, moments.get(parameters.size() + i));
            counts.put(id, steps);
        }
        step = steps;
    }

    private void replace(Map<String, NDArray> state, String id, NDArray value) {
        NDArray copy = value.duplicate();
        copy.attach(manager);
        NDArray old = state.put(id, copy);
        if (old != null) {
            old.close();
        }
    }

    private NDArray zerosLike(NDArray weight) {
        return manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}

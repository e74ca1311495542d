package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Our Adam takes exactly the steps DJL's Adam takes, so trainings keep the results they had. */
class CheckpointableAdamTest {

    private static final List<Integer> LAYERS = List.of(4, 8, 3);

    @Test
    void takesTheSameStepsAsDjlsAdam() {
        float[] djl = trainTenSteps(model -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        float[] ours = trainTenSteps(model -> new CheckpointableAdam(0.01f, model.getNDManager()));

        assertThat(ours).containsExactly(djl);
    }

    private static float[] trainTenSteps(Function<Model, Optimizer> optimizer) {
        DjlDefaults.apply();
        try (Model model = DirectionModel.newModel(LAYERS)) {
            model.getNDManager().getEngine().setRandomSeed(5);
            Optimizer adam = optimizer.apply(model);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(adam))) {
                trainer.initialize(new Shape(1, 4));
                for (int step = 0; step < 10; step++) {
                    NDArray x = trainer.getManager().arange(24f).reshape(6, 4).mul(0.1f * (step + 1));
                    NDArray y = trainer.getManager().create(new float[] {0, 1, 2, 0, 1, 2});
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                    }
                    trainer.step();
                }
                float[] weights = model.getBlock().getParameters().valueAt(0).getArray().toFloatArray();
                if (adam instanceof CheckpointableAdam ours) {
                    ours.close();
                }
                return weights;
            }
        }
    }
}

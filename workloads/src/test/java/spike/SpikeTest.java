package spike;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.*;
import ai.djl.nn.core.Linear;
import ai.djl.training.*;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class SpikeTest {
    @Test
    void tiny() {
        long t0 = System.nanoTime();
        Engine e = Engine.getInstance();
        System.err.println("engine " + e.getEngineName() + " " + e.getVersion() + " " + (System.nanoTime()-t0)/1e6 + "ms");
        SequentialBlock b = new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation::relu).add(Linear.builder().setUnits(3).build());
        try (Model m = Model.newInstance("x")) {
            m.setBlock(b);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer tr = m.newTrainer(cfg)) {
                tr.initialize(new Shape(4, 5));
                NDManager nm = tr.getManager();
                for (int i = 0; i < 10; i++) {
                    try (NDManager sub = nm.newSubManager()) {
                        NDArray x = sub.randomNormal(new Shape(4,5));
                        NDArray y = sub.create(new float[]{0,1,2,1});
                        try (ai.djl.training.GradientCollector gc = tr.newGradientCollector()) {
                            NDArray pred = tr.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = tr.getLoss().evaluate(new NDList(y), new NDList(pred));
                            gc.backward(loss);
                            System.err.println("loss " + loss.getFloat());
                        }
                        tr.step();
                    }
                }
            }
        }
        System.err.println("total " + (System.nanoTime()-t0)/1e6 + "ms");
    }
}

package io.opsbridge.workloads.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.jboss.logging.Logger;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trains a {@link DirectionModel} with DJL: softmax cross-entropy, Adam ({@link CheckpointableAdam}), a hand-written batch loop
 * that reports every batch to the bridge. A cancelled operation surfaces here as the
 * {@link io.opsbridge.core.bridge.OperationCancelledException} of the next report; every native
 * resource is closed on the way out.
 */
public class MlpTrainer {

    private static final Logger LOG = Logger.getLogger(MlpTrainer.class);
    private static final int EVAL_CHUNK = 1024;
    // DJL's PyTorch engine allows one GradientCollector per JVM at a time (a static flag in
    // PtGradientCollector), so concurrent trainings take turns batch by batch.
    private static final ReentrantLock GRADIENT_LOCK = new ReentrantLock();

    /** Trains {@code model} (whose block is set, not yet initialised) and returns one entry per epoch. */
    public List<EpochMetrics> train(Model model, TrainValSplit data, Hyperparameters hp, TrainingProgressBridge bridge) {
        return train(model, data, hp, bridge, EpochCheckpoints.NONE);
    }

    /**
     * Trains {@code model} from the checkpoints' resume point (or from epoch 1), saving the state
     * after each epoch they ask for, and returns one entry per epoch, those before the resume point
     * included. Only the epochs run here are reported to the bridge.
     */
    List<EpochMetrics> train(Model model, TrainValSplit data, Hyperparameters hp, TrainingProgressBridge bridge,
            EpochCheckpoints checkpoints) {
        FeatureSet train = data.train();
        int size = train.size();
        int batchSize = Math.min(hp.batchSize(), size);
        if (hp.seed() != null) {
            model.getNDManager().getEngine().setRandomSeed(hp.seed().hashCode());
        }
        TrainerState resume = checkpoints.resumePoint();
        Random random = resume != null ? TrainerStates.random(resume.random())
                : hp.seed() == null ? new Random() : new Random(hp.seed());
        int[] order = resume != null ? resume.order().clone() : identity(size);
        if (order.length != size) {
            throw new IllegalStateException("the checkpoint shuffled " + order.length + " samples, not " + size);
        }
        List<EpochMetrics> history = new ArrayList<>(hp.epochs());
        bridge.onTrainingStarted(hp.epochs(), size, batchSize);
        try (CheckpointableAdam adam = new CheckpointableAdam((float) hp.learningRate(), model.getNDManager());
                Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(adam))) {
            trainer.initialize(new Shape(1, train.featureCount()));
            if (resume != null) {
                TrainerStates.restore(resume, model.getBlock(), adam, trainer.getManager());
                history.addAll(resume.history());
                bridge.onResumed(resume.epoch());
            }
            for (int epoch = history.size() + 1; epoch <= hp.epochs(); epoch++) {
                long start = System.nanoTime();
                bridge.onEpochStarted(epoch);
                shuffle(order, random);
                double[] fit = runEpoch(trainer, train, order, batchSize, epoch, bridge);
                double[] val = evaluate(trainer, data.val());
                TrainingDivergedException.check(epoch, fit[0]);
                TrainingDivergedException.check(epoch, val[0]);
                long millis = (System.nanoTime() - start) / 1_000_000;
                EpochMetrics metrics = new EpochMetrics(epoch, fit[0], fit[1], val[0], val[1], hp.learningRate(), millis);
                LOG.debugf("Epoch %d/%d: %s", epoch, hp.epochs(), metrics);
                history.add(metrics);
                bridge.onEpoch(metrics);
                if (checkpoints.due(epoch)) {
                    checkpoints.save(TrainerStates.capture(epoch, history, random, order, model.getBlock(), adam));
                }
            }
        }
        return history;
    }

    /** One pass over the training samples in {@code order}: mean loss and accuracy. */
    private static double[] runEpoch(Trainer trainer, FeatureSet train, int[] order, int batchSize, int epoch,
            TrainingProgressBridge bridge) {
        int size = train.size();
        int features = train.featureCount();
        int batches = (size + batchSize - 1) / batchSize;
        float[] x = new float[batchSize * features];
        float[] y = new float[batchSize];
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int n = Math.min(batchSize, size - from);
            for (int i = 0; i < n; i++) {
                System.arraycopy(train.features()[order[from + i]], 0, x, i * features, features);
                y[i] = train.labels()[order[from + i]];
            }
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                NDArray input = batchManager.create(FloatBuffer.wrap(x, 0, n * features), new Shape(n, features));
                NDArray labels = batchManager.create(FloatBuffer.wrap(y, 0, n), new Shape(n));
                float loss;
                GRADIENT_LOCK.lock();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray lossArray = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                    collector.backward(lossArray);
                    loss = lossArray.getFloat();
                    correct += countCorrect(logits.toFloatArray(), y, n);
                } finally {
                    GRADIENT_LOCK.unlock();
                }
                TrainingDivergedException.check(epoch, loss); // before the step spreads it into the weights
                trainer.step();
                lossSum += (double) loss * n;
                bridge.onBatch(epoch, b + 1, batches, loss);
            }
        }
        return new double[] {lossSum / size, (double) correct / size};
    }

    /** Mean loss and accuracy over {@code set}, in inference mode. */
    private static double[] evaluate(Trainer trainer, FeatureSet set) {
        int features = set.featureCount();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < set.size(); from += EVAL_CHUNK) {
            int n = Math.min(EVAL_CHUNK, set.size() - from);
            float[] x = new float[n * features];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(set.features()[from + i], 0, x, i * features, features);
                y[i] = set.labels()[from + i];
            }
            try (NDManager chunkManager = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(chunkManager.create(x, new Shape(n, features))))
                        .singletonOrThrow();
                NDArray loss = trainer.getLoss().evaluate(new NDList(chunkManager.create(y)), new NDList(logits));
                lossSum += (double) loss.getFloat() * n;
                correct += countCorrect(logits.toFloatArray(), y, n);
            }
        }
        return new double[] {lossSum / set.size(), (double) correct / set.size()};
    }

    /** How many of the first {@code n} rows of {@code logits} have their largest value at the label. */
    static int countCorrect(float[] logits, float[] labels, int n) {
        int classes = logits.length / n;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == (int) labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}

package io.opsbridge.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One worker writing to its bridge with nobody reading: the cost a training loop pays per event.
 *
 * <p>Metrics are append-only, and an epoch write takes tens of nanoseconds, so one measured second
 * would keep tens of millions of maps alive. The bridge is therefore replaced every iteration and
 * also after {@link #EPOCHS_PER_BRIDGE} epochs (a long real training), which keeps memory bounded and
 * the list at a realistic size; the amortised cost of that replacement is part of the score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class BridgeWriteBenchmark {

    static final int EPOCHS_PER_BRIDGE = TrainingWorker.TOTAL_EPOCHS;

    private final TrainingWorker worker = new TrainingWorker();
    private final Map<String, Object> prebuiltMetric = TrainingLikeBridge.sampleEpochMetric(7, EPOCHS_PER_BRIDGE);
    private TrainingLikeBridge bridge;
    private int epoch;

    @Setup(Level.Iteration)
    public void freshBridge() {
        bridge = new TrainingLikeBridge(EPOCHS_PER_BRIDGE);
        epoch = 0;
    }

    /** A batch event: one state write (percentage, items, a context field). */
    @Benchmark
    public void onBatch() {
        worker.batch(bridge);
    }

    /** An epoch event as a worker sends it: builds the 8-key map, then appends it. */
    @Benchmark
    public void onEpoch() {
        TrainingWorker.reportEpoch(nextEpochBridge(), epoch);
    }

    /** The bridge's share of {@link #onEpoch}: appends a map built once, outside the loop. */
    @Benchmark
    public void onEpochPrebuiltMap() {
        nextEpochBridge().onEpoch(prebuiltMetric);
    }

    private TrainingLikeBridge nextEpochBridge() {
        if (++epoch == EPOCHS_PER_BRIDGE) {
            bridge = new TrainingLikeBridge(EPOCHS_PER_BRIDGE);
            epoch = 0;
        }
        return bridge;
    }
}

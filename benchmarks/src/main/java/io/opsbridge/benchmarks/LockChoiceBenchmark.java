package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.ProgressSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same batch-event state write under {@code synchronized}, {@code ReentrantLock} and
 * {@code StampedLock} (the bridge's choice), with 1 and with 4 writer threads on one state, and a
 * mixed group (1 writer, 2 readers taking snapshots) where a read-write lock can let readers share.
 * Each lock runs in its own fork, so the call site sees a single implementation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class LockChoiceBenchmark {

    @Param({"synchronized", "reentrantLock", "stampedLock"})
    public String lock;

    private LockedState target;

    /** Per thread: its own position in the batch stream. */
    @State(Scope.Thread)
    public static class Batches {
        int epoch;
        int batch;

        void write(LockedState target) {
            long total = (long) TrainingWorker.TOTAL_EPOCHS * TrainingWorker.BATCHES_PER_EPOCH;
            long done = (long) epoch * TrainingWorker.BATCHES_PER_EPOCH + batch;
            double loss = 0.5 + batch * 1e-6;
            target.update(w -> w.percentage(100.0 * done / total)
                    .items(done, total)
                    .context("batch_loss", loss));
            if (++batch == TrainingWorker.BATCHES_PER_EPOCH) {
                batch = 0;
                epoch = (epoch + 1) % TrainingWorker.TOTAL_EPOCHS;
            }
        }
    }

    @Setup
    public void createState() {
        target = LockedState.of(lock);
    }

    @Benchmark
    @Threads(1)
    public void write1Thread(Batches batches) {
        batches.write(target);
    }

    @Benchmark
    @Threads(4)
    public void write4Threads(Batches batches) {
        batches.write(target);
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public void mixedWrite(Batches batches) {
        batches.write(target);
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(2)
    public ProgressSnapshot mixedRead() {
        return target.snapshot();
    }
}

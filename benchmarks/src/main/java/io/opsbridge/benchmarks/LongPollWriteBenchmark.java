package io.opsbridge.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * What long-poll adds to a batch write. Nobody waiting: the write listener slot is empty (one
 * volatile read). Someone waiting: the listener runs on every write; as in {@code VersionWaiters},
 * it only tries to mark one wake-up pending, which fails cheaply while a wake-up is already pending.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class LongPollWriteBenchmark {

    private final TrainingWorker worker = new TrainingWorker();
    private final AtomicBoolean wakePending = new AtomicBoolean(true);
    private TrainingLikeBridge quiet;
    private TrainingLikeBridge watched;

    @Setup(Level.Iteration)
    public void freshBridges() {
        quiet = new TrainingLikeBridge(TrainingWorker.TOTAL_EPOCHS);
        watched = new TrainingLikeBridge(TrainingWorker.TOTAL_EPOCHS);
        watched.setWriteListener(() -> wakePending.compareAndSet(false, true));
    }

    @Benchmark
    public void onBatchNobodyWaits() {
        worker.batch(quiet);
    }

    @Benchmark
    public void onBatchWhileClientsWait() {
        worker.batch(watched);
    }
}

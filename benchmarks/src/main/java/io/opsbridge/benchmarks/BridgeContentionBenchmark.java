package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Writers and a reader on one bridge at the same time.
 *
 * <p>{@code fourWriters}: 4 writer threads and 1 reader, a stress case (a real bridge has one
 * worker). {@code oneWriter}: 1 writer and 1 reader, the real shape. A writer sends batch events
 * and, every {@value TrainingWorker#BATCHES_PER_EPOCH} batches, an epoch metric; the reader does
 * what {@code OperationsService} does per refresh: a snapshot, then the metrics after its cursor.
 * Scores are per call of each method. On a 2-core machine the 5-thread group is oversubscribed, so
 * its numbers include OS scheduling, not only lock contention.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Group)
public class BridgeContentionBenchmark {

    private TrainingLikeBridge bridge;

    /** Per writer thread: its own position in its own training. */
    @State(Scope.Thread)
    public static class Writer {
        final TrainingWorker worker = new TrainingWorker();
    }

    /** Per reader thread: the cursor a client follows, as {@code new_cursor} tells it. */
    @State(Scope.Thread)
    public static class Reader {
        int cursor;

        @Setup(Level.Iteration)
        public void restart() {
            cursor = 0;
        }
    }

    @Setup(Level.Iteration)
    public void freshBridge() {
        bridge = new TrainingLikeBridge(TrainingWorker.TOTAL_EPOCHS);
    }

    @Benchmark
    @Group("fourWriters")
    @GroupThreads(4)
    public void fourWritersWrite(Writer writer) {
        writer.worker.step(bridge);
    }

    @Benchmark
    @Group("fourWriters")
    @GroupThreads(1)
    public MetricsPage fourWritersRead(Reader reader, Blackhole bh) {
        return pull(reader, bh);
    }

    @Benchmark
    @Group("oneWriter")
    @GroupThreads(1)
    public void oneWriterWrite(Writer writer) {
        writer.worker.step(bridge);
    }

    @Benchmark
    @Group("oneWriter")
    @GroupThreads(1)
    public MetricsPage oneWriterRead(Reader reader, Blackhole bh) {
        return pull(reader, bh);
    }

    private MetricsPage pull(Reader reader, Blackhole bh) {
        ProgressSnapshot snapshot = bridge.snapshot();
        bh.consume(snapshot);
        MetricsPage page = bridge.metrics(reader.cursor);
        reader.cursor = page.newCursor();
        return page;
    }
}

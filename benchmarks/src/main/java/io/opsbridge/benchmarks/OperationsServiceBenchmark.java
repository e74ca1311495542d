package io.opsbridge.benchmarks;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.service.OperationsService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a client query costs in-process, on a running operation with a live bridge.
 *
 * <p>{@code cacheHit} is the common case: the TTL (one hour) outlives the run, so every call is
 * answered from Caffeine without touching the bridge (checked after each iteration); the stall
 * check that every {@code get} makes is included. The two refresh benchmarks show what a miss
 * costs: {@code forceRefreshUnchanged} when the bridge has not moved since the last pull (a
 * snapshot and a version compare, no store write), {@code forceRefreshAfterBatch} after one batch
 * event (snapshot, new record, store write; the event itself is included).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OperationsServiceBenchmark {

    /**
     * Logs at INFO, as a running app does. Outside Quarkus, the pre-boot log configurator that
     * quarkus-core puts on the classpath enables DEBUG and buffers every record, so each refresh
     * would build and keep a debug record that production never pays for. Held here so the
     * logger, and its level, is not collected.
     */
    private static final java.util.logging.Logger OPSBRIDGE_LOGS = java.util.logging.Logger.getLogger("io.opsbridge");

    /** A service with one running training operation that has reported some progress. */
    @State(Scope.Benchmark)
    public static class RunningOperation {
        OperationsService service;
        TrainingLikeBridge bridge;
        final TrainingWorker worker = new TrainingWorker();
        String id;
        OperationInfo firstAnswer;

        @Setup(Level.Trial)
        public void start() {
            OPSBRIDGE_LOGS.setLevel(java.util.logging.Level.INFO);
            TrainingMidRun run = new TrainingMidRun();
            service = run.core.operations();
            id = run.id;
            bridge = run.bridge;
            firstAnswer = service.get(id, true);
        }
    }

    /** Fails the run if a "hit" ever reached the bridge: the answer must stay the cached instance. */
    @State(Scope.Benchmark)
    public static class HitCheck {
        @TearDown(Level.Iteration)
        public void everyCallWasAHit(RunningOperation op) {
            if (op.service.get(op.id, false) != op.firstAnswer) {
                throw new IllegalStateException("cache entry was replaced: not every call was a hit");
            }
        }
    }

    @Benchmark
    public OperationInfo cacheHit(RunningOperation op, HitCheck check) {
        return op.service.get(op.id, false);
    }

    @Benchmark
    public OperationInfo forceRefreshUnchanged(RunningOperation op) {
        return op.service.get(op.id, true);
    }

    @Benchmark
    public OperationInfo forceRefreshAfterBatch(RunningOperation op) {
        op.worker.batch(op.bridge);
        return op.service.get(op.id, true);
    }
}

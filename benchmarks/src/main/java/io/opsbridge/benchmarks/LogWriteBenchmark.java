package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.logs.JobLog;
import io.opsbridge.core.logs.OperationLogHandler;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import org.jboss.logging.Logger;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The worker's log writes (docs/logs.md), one thread, nobody reading, beside a metric append for
 * scale: an explicit {@code JobLog.info} with a line built once (the write's own cost: it must
 * allocate nothing) and with the line built per call as a real epoch line is; and the same line
 * through ordinary logging ({@code Logger.info}) routed by the MDC handler, which pays for the log
 * record the logging makes. The log's write-behind runs as in the apps (the in-memory store, a save
 * at most every 5 s), under the JBoss LogManager that Quarkus uses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class LogWriteBenchmark {

    private static final Logger LOG = Logger.getLogger("io.opsbridge.benchmarks.job");
    private static final String LINE = "Epoch 7/30: train loss 0.4213, val loss 0.4711, val accuracy 0.781 (123 ms)";

    private final Map<String, Object> metric = TrainingLikeBridge.sampleEpochMetric(7, 30);
    private OperationLogs logs;
    private OperationLog log;
    private OperationLogHandler handler;
    private TrainingLikeBridge bridge;
    private int epoch;

    @Setup(Level.Trial)
    public void bindLog() {
        Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.store.log-max-lines", "2000")));
        logs = new OperationLogs(new InMemoryOperationStore(), settings);
        log = logs.open("op_bench");
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (Handler existing : root.getHandlers()) {
            root.removeHandler(existing); // no console: only the operation's log receives the records
        }
        handler = new OperationLogHandler(logs);
        root.addHandler(handler);
        JobLog.bind(log);
    }

    @Setup(Level.Iteration)
    public void freshBridge() {
        bridge = new TrainingLikeBridge(BridgeWriteBenchmark.EPOCHS_PER_BRIDGE);
        epoch = 0;
    }

    @TearDown(Level.Trial)
    public void unbind(BenchmarkParams params) {
        if (!params.getBenchmark().endsWith("metricAppend") && log.end() == 0) {
            throw new IllegalStateException(params.getBenchmark() + " wrote no line: it measured nothing");
        }
        JobLog.unbind();
        java.util.logging.Logger.getLogger("").removeHandler(handler);
        logs.close();
    }

    /** For scale: the bridge's share of an epoch event, appending a metric built once. */
    @Benchmark
    public void metricAppend() {
        if (++epoch == BridgeWriteBenchmark.EPOCHS_PER_BRIDGE) {
            bridge = new TrainingLikeBridge(BridgeWriteBenchmark.EPOCHS_PER_BRIDGE);
            epoch = 0;
        }
        bridge.onEpoch(metric);
    }

    /** The explicit write of a line built once: a thread-local read and the ring's append. */
    @Benchmark
    public void explicitWrite() {
        JobLog.info(LINE);
    }

    /** The explicit write of an epoch line built per call, as TrainingProgressBridge does. */
    @Benchmark
    public void explicitWriteBuildingTheLine() {
        JobLog.info("Epoch " + (++epoch % 30) + "/30: train loss 0.4213, val loss 0.4711");
    }

    /** The same line through the ordinary logging, routed into the log by the operation id in the MDC. */
    @Benchmark
    public void mdcRoutedWrite() {
        LOG.info(LINE);
    }
}

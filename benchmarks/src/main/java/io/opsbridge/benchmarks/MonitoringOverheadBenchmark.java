package io.opsbridge.benchmarks;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.metrics.OperationsMetrics;
import io.opsbridge.server.metrics.SlowReads;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the monitoring seam costs on the read path: the same reads as
 * {@link OperationsServiceBenchmark} with no monitor installed ({@code none}: the core's default,
 * one volatile read and an empty call per site) and with the apps' Micrometer monitor over a
 * Prometheus registry ({@code micrometer}). The bridge write path has no monitor call at all
 * ({@link BridgeWriteBenchmark} is unchanged).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MonitoringOverheadBenchmark {

    private static final java.util.logging.Logger OPSBRIDGE_LOGS = java.util.logging.Logger.getLogger("io.opsbridge");

    /** A service with one running training operation, and the monitor of the run. */
    @State(Scope.Benchmark)
    public static class Monitored {
        @Param({"none", "micrometer"})
        String monitor;

        OperationsService service;
        TrainingLikeBridge bridge;
        final TrainingWorker worker = new TrainingWorker();
        String id;
        OperationsMetrics metrics;

        @Setup(Level.Trial)
        public void start() {
            OPSBRIDGE_LOGS.setLevel(java.util.logging.Level.INFO);
            if (monitor.equals("micrometer")) {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                metrics = new OperationsMetrics(registry, new HostStates(Clock.systemUTC()),
                        new SlowReads(Duration.ofMillis(100), registry), OperationTypes.builtIn());
                metrics.install();
            }
            TrainingMidRun run = new TrainingMidRun();
            service = run.core.operations();
            id = run.id;
            bridge = run.bridge;
            service.get(id, true);
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (metrics != null) {
                metrics.uninstall();
            }
        }
    }

    @Benchmark
    public OperationInfo cacheHit(Monitored op) {
        return op.service.get(op.id, false);
    }

    /**
     * The cached read as {@code GET /api/v1/operations/{id}} makes it on the event loop: the cached copy
     * if it needs nothing applied, and the one monitor call of a hit.
     */
    @Benchmark
    public OperationInfo cachedAnswer(Monitored op) {
        OperationInfo info = op.service.cachedAnswer(op.id);
        Monitoring.monitor().queried(false);
        return info;
    }

    @Benchmark
    public OperationInfo forceRefreshUnchanged(Monitored op) {
        return op.service.get(op.id, true);
    }

    @Benchmark
    public OperationInfo forceRefreshAfterBatch(Monitored op) {
        op.worker.batch(op.bridge);
        return op.service.get(op.id, true);
    }

    /** The seam alone: what one hot-path site costs with the monitor of the run. */
    @Benchmark
    public void queriedCall(Monitored op) {
        Monitoring.monitor().queried(false);
    }
}

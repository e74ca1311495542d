package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Micrometer side of the engine's monitoring seam, as CDI beans: {@link OperationsMetrics}
 * installed as the process's monitor at startup, the store, worker-pool and long-poll gauges, and the host
 * states that readiness reads too.
 */
public class MetricsBeans {

    @Produces
    @Singleton
    HostStates hostStates() {
        return new HostStates(Clock.systemUTC());
    }

    @Produces
    @Singleton
    OperationsMetrics metrics(MeterRegistry registry, HostStates hosts, OperationTypes types,
            @ConfigProperty(name = "opsbridge.monitoring.slow-query", defaultValue = "100ms") Duration slowQuery) {
        OperationsMetrics metrics = new OperationsMetrics(registry, hosts, new SlowReads(slowQuery, registry), types);
        metrics.install();
        return metrics;
    }

    @Produces
    @Singleton
    OperationGauges gauges(MeterRegistry registry, OperationStore store, VersionWaiters waiters, OperationTypes types) {
        return new OperationGauges(registry, store, waiters::waiterCount, types);
    }

    @Produces
    @Singleton
    WorkerGauges workerGauges(MeterRegistry registry, OperationRunner runner) {
        return new WorkerGauges(registry, runner);
    }

    void onStart(@Observes StartupEvent event, OperationsMetrics metrics, OperationGauges gauges,
            WorkerGauges workers) {
        // injecting them builds them: the monitor is in place before the first request
    }

    /**
     * Stops counting and takes this app's meters out of the registry: it is the process-wide composite,
     * so in a JVM that starts another app (tests) the next app's meters of the same names would
     * otherwise stay this app's, reading its stopped beans (a gauge at NaN, counters that never move).
     */
    void onStop(@Observes ShutdownEvent event, OperationsMetrics metrics, MeterRegistry registry) {
        metrics.uninstall();
        registry.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("opsbridge."))
                .forEach(registry::remove);
    }
}

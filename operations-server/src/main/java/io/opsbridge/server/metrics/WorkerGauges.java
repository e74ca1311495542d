package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.core.run.OperationRunner;

/**
 * The in-process worker pool when scraped: {@code opsbridge_worker_queue_depth} (jobs waiting for a
 * worker), {@code opsbridge_worker_queue_capacity} (how many may wait before a new job is refused with
 * 503) and {@code opsbridge_workers_busy} of {@code opsbridge_workers}.
 */
public final class WorkerGauges {

    public WorkerGauges(MeterRegistry registry, OperationRunner runner) {
        Gauge.builder("opsbridge.worker.queue.depth", runner, r -> r.capacity().queued())
                .description("Jobs waiting in the queue for a worker").register(registry);
        Gauge.builder("opsbridge.worker.queue.capacity", runner, r -> r.capacity().queueCapacity())
                .description("Jobs that may wait before a new one is refused (opsbridge.operations.queue-capacity)")
                .register(registry);
        Gauge.builder("opsbridge.workers.busy", runner, r -> r.capacity().running())
                .description("Workers running a job now").register(registry);
        Gauge.builder("opsbridge.workers", runner, r -> r.capacity().threads())
                .description("Worker threads (opsbridge.operations.worker-threads)").register(registry);
    }
}

package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.store.OperationStore;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * {@code opsbridge_operations{type,status}} from the store (one grouped count, reused for a few
 * second so one scrape of ten gauges costs one query) and {@code opsbridge_longpoll_waiters}.
 */
public final class OperationGauges {

    private static final Logger LOG = Logger.getLogger(OperationGauges.class);
    private static final Duration REUSE = Duration.ofSeconds(1);

    private final OperationStore store;
    private Map<OperationType, Map<OperationStatus, Long>> counts;
    private long countedAt;

    public OperationGauges(MeterRegistry registry, OperationStore store, IntSupplier waiters, OperationTypes types) {
        this.store = store;
        for (OperationType type : types.all()) {
            for (OperationStatus status : OperationStatus.values()) {
                Gauge.builder("opsbridge.operations", this, g -> g.count(type, status))
                        .tag("type", type.wireName()).tag("status", status.wireName())
                        .description("Operations in the store by type and status").register(registry);
            }
        }
        // held strongly: the method reference exists nowhere else, and a weakly held one is collected (NaN)
        Gauge.builder("opsbridge.longpoll.waiters", waiters, IntSupplier::getAsInt).strongReference(true)
                .description("Clients waiting on a long-poll now").register(registry);
    }

    private synchronized double count(OperationType type, OperationStatus status) {
        long now = System.nanoTime();
        if (counts == null || now - countedAt > REUSE.toNanos()) {
            try {
                counts = store.countByTypeAndStatus();
                countedAt = now;
            } catch (RuntimeException e) {
                LOG.debugf("operations gauges: the store could not count (%s)", e.toString());
                return Double.NaN;
            }
        }
        return counts.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
    }
}

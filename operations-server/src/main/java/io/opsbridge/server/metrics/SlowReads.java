package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One WARN for each read slower than {@code opsbridge.monitoring.slow-query}, naming the operation
 * and where the time went: the local bridge, the worker host, and the rest (the store and our own
 * work), plus a count of them ({@code opsbridge_slow_reads_total}).
 */
public final class SlowReads {

    private static final Logger LOG = Logger.getLogger(SlowReads.class);

    private final long thresholdNanos;
    private final Counter slow;

    public SlowReads(Duration threshold, MeterRegistry registry) {
        this.thresholdNanos = threshold.toNanos();
        this.slow = Counter.builder("opsbridge.slow.reads")
                .description("Reads slower than opsbridge.monitoring.slow-query").register(registry);
    }

    void check(String operationId, boolean forced, long totalNanos, long bridgeNanos, long hostNanos) {
        if (totalNanos < thresholdNanos) {
            return;
        }
        slow.increment();
        long storeNanos = Math.max(0, totalNanos - bridgeNanos - hostNanos);
        LOG.warnf("slow read of %s%s: %d ms (store %d ms, bridge %d ms, host %d ms; limit %d ms)", operationId,
                forced ? " (force_refresh)" : "", millis(totalNanos), millis(storeNanos), millis(bridgeNanos),
                millis(hostNanos), millis(thresholdNanos));
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1_000_000.0);
    }
}

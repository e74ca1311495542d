package io.opsbridge.backend.reload.broadcast;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code opsbridge_broadcast_*}: messages published, received, applied (by kind) and rejected (by
 * reason), reconnects, the subscriber's state (1 for the current one), and two histograms from
 * {@code issued_at} on the sender: to the message's arrival here (delivery) and to the reload applied (latency).
 */
final class BroadcastMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer delivery;

    BroadcastMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("opsbridge.broadcast.latency")
                .description("From a reload message's issued_at on the sender to the reload applied here")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        this.delivery = Timer.builder("opsbridge.broadcast.delivery")
                .description("From a reload message's issued_at on the sender to its arrival here, before any reload")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
    }

    void watch(ReloadSubscriber subscriber) {
        FunctionCounter.builder("opsbridge.broadcast.reconnects", subscriber, ReloadSubscriber::reconnects)
                .description("Times the reload subscription was lost or failed and retried").register(registry);
        for (SubscriberState state : SubscriberState.values()) {
            Supplier<Number> isCurrent = () -> subscriber.state() == state ? 1 : 0;
            Gauge.builder("opsbridge.broadcast.subscriber.state", isCurrent).tag("state", state.wire())
                    .description("1 for the reload subscriber's current state").register(registry);
        }
    }

    void published(String kind) {
        counter("opsbridge.broadcast.published", "Reload messages published", "kind", kind).increment();
    }

    void received(String kind, Duration sinceIssued) {
        counter("opsbridge.broadcast.received", "Reload messages received and accepted", "kind", kind).increment();
        if (!sinceIssued.isNegative()) {
            delivery.record(sinceIssued);
        }
    }

    void applied(String kind, Duration sinceIssued) {
        counter("opsbridge.broadcast.applied", "Reload messages that changed what this replica serves", "kind", kind)
                .increment();
        if (!sinceIssued.isNegative()) {
            latency.record(sinceIssued);
        }
    }

    void rejected(Rejection reason) {
        counter("opsbridge.broadcast.rejected", "Reload messages rejected, by reason", "reason", reason.tag())
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}

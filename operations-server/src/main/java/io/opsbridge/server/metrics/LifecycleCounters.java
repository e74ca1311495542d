package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to the operations of this process, counted so that the counters add up (README
 * "Metrics"): since this process started, for the operations it created,
 * <pre>
 * created  = started + ended_before_start + capacity_rejections + still pending
 * started  = completed + failed + cancelled - ended_before_start + still running
 * </pre>
 * An operation cancelled (or failed) while it waited in the queue never starts: it is counted in
 * {@code cancelled} and in {@code ended_before_start{status="cancelled"}}, never in {@code started}.
 * Also refused calls: {@code opsbridge_rate_limited_total{kind}}.
 */
final class LifecycleCounters {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LifecycleCounters(MeterRegistry registry, Iterable<OperationType> types) {
        this.registry = registry;
        for (OperationType type : types) {
            created(type);
            for (OperationStatus status : OperationStatus.values()) {
                if (status != OperationStatus.PENDING) {
                    statusCounter(status, type);
                }
            }
            rejected(type);
        }
        for (String kind : new String[] {"start", "admin"}) {
            rateLimitCounter(kind);
        }
    }

    void created(OperationInfo info) {
        created(info.operationType()).increment();
    }

    void statusChanged(OperationInfo info) {
        if (info.status() == OperationStatus.PENDING) {
            return;
        }
        statusCounter(info.status(), info.operationType()).increment();
        if (info.status().isTerminal() && info.startedAt() == null) {
            counters.computeIfAbsent("ended_before_start|" + info.status().wireName() + "|" + info.operationType().wireName(),
                    key -> Counter.builder("opsbridge.operations.ended.before.start")
                            .tag("type", info.operationType().wireName()).tag("status", info.status().wireName())
                            .description("Operations that ended (cancelled, failed) while still queued: never started")
                            .register(registry)).increment();
        }
    }

    void capacityRejected(OperationInfo info) {
        rejected(info.operationType()).increment();
    }

    void rateLimited(String kind) {
        rateLimitCounter(kind).increment();
    }

    private Counter statusCounter(OperationStatus status, OperationType type) {
        String event = status == OperationStatus.RUNNING ? "started" : status.wireName();
        return typed("opsbridge.operations." + event, type, "Operations " + event + " by this process");
    }

    private Counter created(OperationType type) {
        return typed("opsbridge.operations.created", type, "Operations created by this process (pending)");
    }

    private Counter rejected(OperationType type) {
        return typed("opsbridge.capacity.rejections", type,
                "New operations refused with 503 capacity-exceeded: every worker busy, queue full");
    }

    private Counter typed(String meter, OperationType type, String description) {
        return counters.computeIfAbsent(meter + "|" + type.wireName(), key -> Counter.builder(meter)
                .tag("type", type.wireName()).description(description).register(registry));
    }

    private Counter rateLimitCounter(String kind) {
        return counters.computeIfAbsent("rate_limited|" + kind, key -> Counter.builder("opsbridge.rate.limited")
                .tag("kind", kind).description("Calls refused with 429 by a rate limit, by kind (start, admin)")
                .register(registry));
    }
}

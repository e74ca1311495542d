package io.opsbridge.core;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.CompletionHook;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** An OperationsService on an in-memory store, with a clock and a cache ticker that only tests move. */
final class ServiceFixture {

    static final Instant START = Instant.parse("2026-11-24T09:30:12Z");
    static final Duration TTL = Duration.ofSeconds(1);

    final MutableClock clock = new MutableClock(START);
    final FakeTicker ticker = new FakeTicker();
    final InMemoryOperationStore store = new InMemoryOperationStore();
    /** What completing a training does to its result; a test may set it before the completion. */
    volatile BiFunction<OperationInfo, Map<String, Object>, Map<String, Object>> trainingHook = (record, result) -> result;
    /** The fake hosts by URL, for host operations this service follows. */
    final Map<String, OperationServiceProxy> hosts = new ConcurrentHashMap<>();
    final OperationsCore core = TestCores.core(store, TestCores.quiet(TTL), ticker, clock)
            .proxies(url -> Objects.requireNonNull(hosts.get(url), () -> "no fake host at " + url))
            .hooks(List.of(new CompletionHook() {
                @Override
                public OperationType type() {
                    return OperationType.TRAINING;
                }

                @Override
                public Map<String, Object> completed(OperationInfo record, Map<String, Object> result) {
                    return trainingHook.apply(record, result);
                }
            })).build();
    final OperationsService operations = core.operations();
    final OperationLifecycle lifecycle = core.lifecycle();
    final ProgressSources sources = core.sources();

    static OperationMetadata metadata() {
        return OperationMetadata.local(List.of("AAPL"), "1h", Map.of("epochs", 3));
    }

    String created(OperationType type) {
        return lifecycle.create(type, metadata()).operationId();
    }

    /** A training operation that is running and reports through {@code bridge}. */
    String running(TestBridge bridge) {
        String id = created(OperationType.TRAINING);
        sources.registerLocal(id, bridge);
        lifecycle.start(id);
        return id;
    }

    /** Lets the cached copies expire, as if the TTL had passed. */
    void afterTtl() {
        ticker.advance(TTL.plusMillis(1));
    }
}

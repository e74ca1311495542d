package io.opsbridge.core;

import io.opsbridge.api.OperationType;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An OperationsService on an in-memory store, with a clock and a cache ticker that only tests move. */
final class ServiceFixture {

    static final Instant START = Instant.parse("2026-11-24T09:30:12Z");
    static final Duration TTL = Duration.ofSeconds(1);

    final MutableClock clock = new MutableClock(START);
    final FakeTicker ticker = new FakeTicker();
    final InMemoryOperationStore store = new InMemoryOperationStore();
    final OperationsService operations = new OperationsService(store, TTL, 1_000, ticker, clock);

    static OperationMetadata metadata() {
        return OperationMetadata.local(List.of("AAPL"), "1h", Map.of("epochs", 3));
    }

    String created(OperationType type) {
        return operations.create(type, metadata()).operationId();
    }

    /** A training operation that is running and reports through {@code bridge}. */
    String running(TestBridge bridge) {
        String id = created(OperationType.TRAINING);
        operations.registerBridge(id, bridge);
        operations.start(id);
        return id;
    }

    /** Lets the cached copies expire, as if the TTL had passed. */
    void afterTtl() {
        ticker.advance(TTL.plusMillis(1));
    }
}

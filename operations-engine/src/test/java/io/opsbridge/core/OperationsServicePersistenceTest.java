package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What reaches the store, and when: the bridge never writes it, refreshes write it throttled. */
class OperationsServicePersistenceTest {

    private static final Duration PERSIST_EVERY = Duration.ofSeconds(5);

    /** Counts every call a service makes to the store. */
    static final class CountingStore extends InMemoryOperationStore {
        final AtomicInteger updates = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change) {
            updates.incrementAndGet();
            calls.incrementAndGet();
            return super.update(operationId, change);
        }

        @Override
        public Optional<OperationInfo> find(String operationId) {
            calls.incrementAndGet();
            return super.find(operationId);
        }

        @Override
        public void appendMetrics(String operationId, int firstSeq, List<Map<String, Object>> metrics) {
            calls.incrementAndGet();
            super.appendMetrics(operationId, firstSeq, metrics);
        }
    }

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final FakeTicker ticker = new FakeTicker();
    private final CountingStore store = new CountingStore();
    private final OperationsCore core = TestCores.core(store, persistEvery(), ticker, clock).build();
    private final OperationsService operations = core.operations();
    private final OperationLifecycle lifecycle = core.lifecycle();
    private final ProgressSources sources = core.sources();
    private final TestBridge bridge = new TestBridge();
    private String id;

    @BeforeEach
    void runningOperation() {
        id = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        sources.registerLocal(id, bridge);
        lifecycle.start(id);
    }

    private OperationInfo readAfterTtl() {
        ticker.advance(ServiceFixture.TTL.plusMillis(1));
        clock.advance(ServiceFixture.TTL.plusMillis(1));
        return operations.get(id, false);
    }

    @Test
    void bridgeWritesNeverTouchTheStore() {
        int before = store.calls.get();

        for (int i = 0; i < 10_000; i++) {
            bridge.progress(i / 100.0, "batch " + i);
        }
        bridge.epoch(1, 3, 0.9);

        assertThat(store.calls.get()).isEqualTo(before);
    }

    @Test
    void progressOnlyChangesAreStoredAtMostOncePerIntervalWhileClientsSeeThemAtOnce() {
        int before = store.updates.get();
        for (int i = 1; i <= 4; i++) {
            bridge.progress(i * 10, "step " + i);
            assertThat(readAfterTtl().progress().percentage()).isEqualTo(i * 10.0);
        }
        assertThat(store.updates.get()).isEqualTo(before);
        assertThat(store.find(id).orElseThrow().progress().percentage()).isZero();

        clock.advance(PERSIST_EVERY);
        bridge.progress(50, "step 5");
        OperationInfo shown = readAfterTtl();

        assertThat(store.updates.get()).isEqualTo(before + 1);
        assertThat(store.find(id)).contains(shown);
    }

    @Test
    void newMetricsAreStoredAtTheRefreshThatFindsThem() {
        bridge.epoch(1, 3, 0.9);

        OperationInfo shown = readAfterTtl();

        assertThat(store.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1);
        assertThat(store.find(id)).contains(shown);
        assertThat(shown.metricsCount()).isEqualTo(1);
    }

    @Test
    void aStatusChangeFirstStoresTheProgressKeptInMemory() {
        bridge.progress(70, "almost");
        OperationInfo seen = readAfterTtl();
        bridge.progress(90, "nearly done");

        OperationInfo completed = lifecycle.complete(id, Map.of("accuracy", 0.7));

        assertThat(completed.progress().message()).isEqualTo("nearly done");
        assertThat(completed.version()).isGreaterThan(seen.version());
        assertThat(store.find(id)).contains(completed);
    }

    private static java.util.Map<String, String> persistEvery() {
        java.util.Map<String, String> properties = TestCores.quiet(ServiceFixture.TTL);
        properties.put("opsbridge.store.progress-persist-interval", PERSIST_EVERY.toString());
        return properties;
    }
}

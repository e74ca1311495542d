package io.opsbridge.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.FakeTicker;
import io.opsbridge.core.MutableClock;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.retention.RetentionService;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.store.InMemoryIdempotencyKeyStore;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each tunable is read from the current settings snapshot where it is used: swapping the snapshot
 * changes behaviour at the next use, without rebuilding anything.
 */
class SettingsSwapTest {

    private static final Instant START = Instant.parse("2026-11-24T09:30:12Z");

    private final MutableClock clock = new MutableClock(START);
    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final Map<String, String> properties = new HashMap<>(Map.of(
            "opsbridge.operations.cache-ttl", "10s",
            "opsbridge.store.progress-persist-interval", "0s",
            "opsbridge.stall.training.stall-after", "0s",
            "opsbridge.stall.training.fail-after", "0s"));
    private final Settings settings = new Settings(RuntimeSettings.of(properties));
    private final OperationsCore core = OperationsCore.builder(store).settings(settings).ticker(ticker).clock(clock)
            .build();
    private final CountDownLatch release = new CountDownLatch(1);
    private OperationRunner runner;

    @AfterEach
    void stop() {
        release.countDown();
        if (runner != null) {
            runner.shutdown();
        }
    }

    @Test
    void shorterCacheTtlMakesTheNextReadGoToTheBridge() {
        TestBridge bridge = new TestBridge();
        String id = running(bridge);
        core.operations().get(id, false);
        int reads = bridge.snapshotReads();

        ticker.advance(Duration.ofSeconds(2));
        core.operations().get(id, false);
        assertThat(bridge.snapshotReads()).as("within the 10s TTL: cached").isEqualTo(reads);

        apply("opsbridge.operations.cache-ttl", "1s");
        core.operations().get(id, false);

        assertThat(bridge.snapshotReads()).as("older than the new 1s TTL: read again").isEqualTo(reads + 1);
        assertThat(core.operations().cacheTtl()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void newStallLimitsApplyAtTheNextRead() {
        String id = running(new TestBridge());
        core.operations().get(id, true);
        clock.advance(Duration.ofMinutes(20));
        assertThat(core.operations().get(id, true).progress().context()).doesNotContainKey("stalled");

        apply("opsbridge.stall.training.stall-after", "10m");
        assertThat(core.operations().get(id, true).progress().context()).containsEntry("stalled", true);

        apply("opsbridge.stall.training.fail-after", "15m");
        OperationInfo lost = core.operations().get(id, true);
        assertThat(lost.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(lost.errorMessage()).contains("fail-after 900s");
    }

    @Test
    void longerPersistIntervalKeepsProgressInMemoryUntilItPasses() {
        TestBridge bridge = new TestBridge();
        String id = running(bridge);
        bridge.progress(10, "first");
        core.operations().get(id, true);
        assertThat(store.find(id).orElseThrow().progress().percentage()).isEqualTo(10.0);

        apply("opsbridge.store.progress-persist-interval", "1m");
        bridge.progress(20, "second");
        assertThat(core.operations().get(id, true).progress().percentage()).isEqualTo(20.0);
        assertThat(store.find(id).orElseThrow().progress().percentage()).as("not stored yet").isEqualTo(10.0);

        clock.advance(Duration.ofMinutes(1));
        bridge.progress(30, "third");
        core.operations().get(id, true);
        assertThat(store.find(id).orElseThrow().progress().percentage()).isEqualTo(30.0);
    }

    @Test
    void moreWorkerThreadsAndALargerQueueTakeMoreJobs() {
        properties.put("opsbridge.operations.worker-threads", "1");
        properties.put("opsbridge.operations.queue-capacity", "1");
        settings.apply(RuntimeSettings.of(properties));
        runner = new OperationRunner(core.lifecycle(), core.sources(), settings,
                new io.opsbridge.core.logs.OperationLogs(new io.opsbridge.core.store.InMemoryOperationStore(), settings));
        AtomicInteger runningJobs = new AtomicInteger();
        submitBlockingJob(runningJobs);
        submitBlockingJob(runningJobs);
        assertThatThrownBy(() -> submitBlockingJob(runningJobs)).isInstanceOf(CapacityExceededException.class);
        await().atMost(5, TimeUnit.SECONDS).until(() -> runningJobs.get() == 1);

        properties.put("opsbridge.operations.worker-threads", "3");
        properties.put("opsbridge.operations.queue-capacity", "2");
        settings.apply(RuntimeSettings.of(properties));
        submitBlockingJob(runningJobs);

        await().atMost(5, TimeUnit.SECONDS).until(() -> runningJobs.get() == 3);
        submitBlockingJob(runningJobs);
        submitBlockingJob(runningJobs);
        assertThatThrownBy(() -> submitBlockingJob(runningJobs)).isInstanceOf(CapacityExceededException.class);
    }

    @Test
    void shorterRetentionAgeDeletesAtTheNextPass() {
        TestBridge bridge = new TestBridge();
        String id = running(bridge);
        core.lifecycle().complete(id, Map.of());
        clock.advance(Duration.ofDays(2));
        RetentionService retention = new RetentionService(store, new InMemoryIdempotencyKeyStore(), settings, clock);
        assertThat(retention.apply().deleted()).isZero();

        apply("opsbridge.store.retention.max-age", "1d");

        assertThat(retention.apply().deleted()).isEqualTo(1);
    }

    @Test
    void observersAreToldWhichKeysChanged() {
        apply("opsbridge.operations.cache-ttl", "2s");
        List<SettingsChange> told = new java.util.ArrayList<>();
        settings.observe((previous, current, diff) -> told.addAll(diff));

        apply("opsbridge.operations.cache-ttl", "3s");

        assertThat(told).containsExactly(new SettingsChange("opsbridge.operations.cache-ttl", "2s", "3s"));
    }

    @Test
    void everyAppliedSnapshotHasTheNextVersionAndObserversSeeBoth() {
        List<Long> seen = new java.util.ArrayList<>();
        settings.observe((previous, current, diff) -> seen.add(previous.version() * 100 + current.version()));
        settings.observe((previous, current, diff) -> {
            throw new IllegalStateException("a broken observer");
        });
        settings.observe((previous, current, diff) -> seen.add(current.version()));

        RuntimeSettings applied = apply("opsbridge.operations.cache-ttl", "2s");

        assertThat(applied.version()).isEqualTo(2);
        assertThat(settings.current()).isSameAs(applied);
        assertThat(seen).containsExactly(102L, 2L);
    }

    private RuntimeSettings apply(String key, String value) {
        properties.put(key, value);
        return settings.apply(RuntimeSettings.of(properties));
    }

    private String running(TestBridge bridge) {
        String id = core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of())).operationId();
        core.sources().registerLocal(id, bridge);
        core.lifecycle().start(id);
        return id;
    }

    private void submitBlockingJob(AtomicInteger runningJobs) {
        OperationInfo created = core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        runner.submit(created, new TestBridge(), bridge -> {
            runningJobs.incrementAndGet();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        });
    }
}

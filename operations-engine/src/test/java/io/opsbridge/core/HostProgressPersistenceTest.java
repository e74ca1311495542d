package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationsServicePersistenceTest.CountingStore;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.recovery.RemoteOperationsRecovery;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host operation's record between persists: progress alone is kept in memory (stored at most
 * once per persist interval), what must not wait is stored at once, and a restart re-reads the host.
 */
class HostProgressPersistenceTest {

    private static final Duration PERSIST_EVERY = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final FakeTicker ticker = new FakeTicker();
    private final CountingStore store = new CountingStore();
    private final OperationsCore core = TestCores.core(store, persistEvery(), ticker, clock)
            .proxies(url -> this.host.proxy()).build();
    private final OperationsService operations = core.operations();
    private final FakeHost host = new FakeHost("host_training_s1");
    /** Runs what a forced refresh hands to a worker, counting it. */
    private final AtomicInteger blockingTasks = new AtomicInteger();
    private final Executor blocking = task -> {
        blockingTasks.incrementAndGet();
        task.run();
    };
    private String id;

    @BeforeEach
    void hostOperationReadOnce() {
        id = core.lifecycle().create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", FakeHost.URL, "s1", Map.of())).operationId();
        core.sources().register(id, core.hosts().source(id, FakeHost.URL, "host_training_s1"));
        core.lifecycle().start(id);
        operations.get(id, true);
    }

    @Test
    void progressBetweenPersistsIsServedFromMemoryWithoutAStoreWrite() {
        int writes = store.updates.get();
        host.progress(40, "batch 40");

        OperationInfo forced = refresh();

        assertThat(forced.progress().percentage()).isEqualTo(40.0);
        assertThat(store.updates.get()).isEqualTo(writes);
        assertThat(store.find(id).orElseThrow().progress().percentage()).isZero();
        // the forced answer is what the next cached read shows
        assertThat(operations.get(id, false).version()).isEqualTo(forced.version());
    }

    @Test
    void aForcedRefreshThatOnlyMovesProgressNeedsNoWorkerEvenToCacheItsAnswer() {
        host.progress(55, "batch 55");

        OperationInfo forced = refresh();

        assertThat(forced.progress().message()).isEqualTo("batch 55");
        assertThat(blockingTasks.get()).isZero();
        assertThat(operations.cachedAnswer(id)).as("the answer is cached as it is").isSameAs(forced);
    }

    @Test
    void aForcedRefreshThatFindsNothingNewWakesNoWorker() {
        host.progress(55, "batch 55");
        OperationInfo first = refresh();
        blockingTasks.set(0);

        assertThat(refresh().version()).isEqualTo(first.version());
        assertThat(blockingTasks.get()).isZero();
    }

    @Test
    void progressIsStoredOnceThePersistIntervalHasPassed() {
        host.progress(40, "batch 40");
        refresh();
        clock.advance(PERSIST_EVERY);
        host.progress(60, "batch 60");

        OperationInfo forced = refresh();

        assertThat(store.find(id)).contains(forced);
        assertThat(forced.progress().percentage()).isEqualTo(60.0);
    }

    @Test
    void newHostMetricsAreStoredAtTheRefreshThatFindsThem() {
        host.epoch(1, 3);

        OperationInfo forced = refresh();

        assertThat(forced.metricsCount()).isEqualTo(1);
        assertThat(store.find(id)).contains(forced);
        assertThat(store.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1);
    }

    @Test
    void aTerminalStatusFromTheHostIsPersistedAtOnceWithTheLastProgress() {
        host.progress(90, "last batch");
        refresh();
        host.progress(100, "done");
        host.finish(OperationStatus.COMPLETED, null);

        OperationInfo forced = refresh();

        assertThat(forced.status()).isEqualTo(OperationStatus.COMPLETED);
        OperationInfo stored = store.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(stored.progress().percentage()).isEqualTo(100.0);
        assertThat(stored.resultSummary()).containsEntry("model_version", "host_training_s1");
    }

    @Test
    void anUnreachableHostIsStoredAtOnce() {
        host.down(true);

        OperationInfo forced = refresh();

        assertThat(forced.progress().context()).containsEntry("host_reachable", false);
        assertThat(store.find(id).orElseThrow().progress().context()).containsEntry("host_reachable", false);
    }

    @Test
    void progressKeptInMemorySurvivesARestartByReadingTheHostAgain() {
        host.progress(70, "batch 70");
        refresh();
        assertThat(store.find(id).orElseThrow().progress().percentage()).isZero();
        OperationsCore restarted = TestCores.core(store, persistEvery(), ticker, clock).proxies(url -> host.proxy()).build();

        new RemoteOperationsRecovery(store, restarted.sources()).reattach();

        assertThat(restarted.operations().get(id, false).progress().percentage()).isEqualTo(70.0);
    }

    @Test
    void aCancelStoresTheProgressKeptInMemoryBeforeTheStatus() {
        host.progress(30, "batch 30");
        refresh();

        OperationInfo cancelled = core.lifecycle().cancel(id);

        assertThat(cancelled.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(store.find(id).orElseThrow().progress().percentage()).isEqualTo(30.0);
    }

    private OperationInfo refresh() {
        return operations.read(id, true, blocking).toCompletableFuture().join();
    }

    private static Map<String, String> persistEvery() {
        Map<String, String> properties = TestCores.quiet(ServiceFixture.TTL);
        properties.put("opsbridge.store.progress-persist-interval", PERSIST_EVERY.toString());
        return properties;
    }
}

package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import io.opsbridge.core.store.OperationStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read or a status change that races a later status change must never leave the older status in
 * the cache. One thread is held inside the store at the worst moment while another moves on.
 */
class OperationsServiceRaceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String PAUSED = "paused-thread";

    private final PausingStore store = new PausingStore();
    private final FakeTicker ticker = new FakeTicker();
    private final OperationsCore core = TestCores.core(store, TestCores.quiet(ServiceFixture.TTL), ticker,
            new MutableClock(ServiceFixture.START)).build();
    private final OperationsService operations = core.operations();
    private final OperationLifecycle lifecycle = core.lifecycle();
    private final ProgressSources sources = core.sources();

    @ParameterizedTest(name = "force_refresh={0}")
    @ValueSource(booleans = {true, false})
    void readRacingCompletionNeverBringsBackRunning(boolean forceRefresh) throws Exception {
        String id = running();
        ticker.advance(ServiceFixture.TTL.plusMillis(1));

        store.pauseAfterFind = true;
        CompletableFuture<OperationInfo> read = inPausedThread(() -> operations.get(id, forceRefresh));
        awaitLatch(store.paused);
        CompletableFuture<OperationInfo> completion = CompletableFuture.supplyAsync(
                () -> lifecycle.complete(id, Map.of("accuracy", 0.9)));
        await().atMost(PATIENCE).until(() -> store.delegate.find(id).orElseThrow().status().isTerminal());
        store.resume.countDown();
        read.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        completion.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        // the racing reader may get its own older answer, but nobody after it does
        assertThat(operations.get(id, false).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(operations.results(id).resultSummary()).containsEntry("accuracy", 0.9);
    }

    @Test
    void startRacingCancelNeverBringsBackRunning() throws Exception {
        String id = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        sources.registerLocal(id, new TestBridge());

        store.pauseAfterUpdate = true;
        CompletableFuture<OperationInfo> start = inPausedThread(() -> lifecycle.start(id));
        awaitLatch(store.paused);
        CompletableFuture<OperationInfo> cancel = CompletableFuture.supplyAsync(() -> lifecycle.cancel(id));
        await().atMost(PATIENCE).until(() -> store.delegate.find(id).orElseThrow().status().isTerminal());
        store.resume.countDown();
        start.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        cancel.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(operations.get(id, false).status()).isEqualTo(OperationStatus.CANCELLED);
    }

    private String running() {
        String id = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        sources.registerLocal(id, new TestBridge());
        lifecycle.start(id);
        return id;
    }

    private static <T> CompletableFuture<T> inPausedThread(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, PAUSED);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static void awaitLatch(CountDownLatch latch) {
        await().atMost(PATIENCE).until(() -> latch.getCount() == 0);
    }

    /** An in-memory store that holds the {@value #PAUSED} thread once, right after a find or an update. */
    private static final class PausingStore implements OperationStore {
        final InMemoryOperationStore delegate = new InMemoryOperationStore();
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        volatile boolean pauseAfterFind;
        volatile boolean pauseAfterUpdate;

        @Override
        public Optional<OperationInfo> find(String operationId) {
            Optional<OperationInfo> found = delegate.find(operationId);
            if (pauseAfterFind) {
                pauseOnce();
            }
            return found;
        }

        @Override
        public Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change) {
            Optional<OperationInfo> updated = delegate.update(operationId, change);
            if (pauseAfterUpdate) {
                pauseOnce();
            }
            return updated;
        }

        private void pauseOnce() {
            if (Thread.currentThread().getName().equals(PAUSED) && paused.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void insert(OperationInfo operation) {
            delegate.insert(operation);
        }

        @Override
        public void delete(String operationId) {
            delegate.delete(operationId);
        }

        @Override
        public OperationList list(OperationQuery query) {
            return delegate.list(query);
        }

        @Override
        public void appendMetrics(String operationId, int firstSeq, List<Map<String, Object>> metrics) {
            delegate.appendMetrics(operationId, firstSeq, metrics);
        }

        @Override
        public void deleteMetrics(String operationId) {
            delegate.deleteMetrics(operationId);
        }

        @Override
        public MetricsPage metrics(String operationId, int cursor) {
            return delegate.metrics(operationId, cursor);
        }

        @Override
        public void appendLog(String operationId, List<io.opsbridge.api.LogLine> lines, int keep) {
            delegate.appendLog(operationId, lines, keep);
        }

        @Override
        public io.opsbridge.core.bridge.LogPage log(String operationId, int cursor, int max) {
            return delegate.log(operationId, cursor, max);
        }

        @Override
        public int logEnd(String operationId) {
            return delegate.logEnd(operationId);
        }
    }
}

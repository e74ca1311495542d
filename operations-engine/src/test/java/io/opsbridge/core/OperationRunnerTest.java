package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationRunnerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private final CountDownLatch release = new CountDownLatch(1);
    private OperationRunner runner;

    @AfterEach
    void stopWorkers() {
        release.countDown();
        if (runner != null) {
            runner.shutdown();
        }
    }

    @Test
    void finishedJobCompletesWithItsResult() {
        runner = runner(2, 4);

        String id = submit(bridge -> {
            bridge.epoch(1, 2, 0.7);
            bridge.epoch(2, 2, 0.4);
            return Map.of("accuracy", 0.91);
        });

        OperationInfo done = awaitStatus(id, OperationStatus.COMPLETED);
        assertThat(done.resultSummary()).containsExactly(Map.entry("accuracy", 0.91));
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.metricsCount()).isEqualTo(2);
        assertThat(done.progress().percentage()).isEqualTo(100.0);
    }

    @Test
    void submitAnswersAtOnceWithThePendingOperation() {
        runner = runner(1, 1);
        OperationInfo created = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());

        OperationInfo answer = runner.submit(created, new TestBridge(), bridge -> blockUntilReleased());

        assertThat(answer).isEqualTo(created);
        assertThat(answer.status()).isEqualTo(OperationStatus.PENDING);
    }

    @Test
    void throwingJobFailsWithItsMessage() {
        runner = runner(1, 1);

        String id = submit(bridge -> {
            bridge.epoch(1, 3, 0.7);
            throw new IllegalStateException("loss diverged at epoch 2");
        });

        OperationInfo failed = awaitStatus(id, OperationStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("loss diverged at epoch 2");
        assertThat(failed.resultSummary()).isNull();
        assertThat(failed.metricsCount()).isEqualTo(1);
    }

    @Test
    void jobThatThrowsWithoutAMessageFailsWithTheExceptionName() {
        runner = runner(1, 1);

        String id = submit(bridge -> {
            throw new NullPointerException();
        });

        assertThat(awaitStatus(id, OperationStatus.FAILED).errorMessage()).isEqualTo("NullPointerException");
    }

    @Test
    void cancelledJobStopsAtItsNextWriteAndStaysCancelled() {
        AtomicBoolean wroteAfterCancel = new AtomicBoolean();
        String id = startCancelAndRelease(bridge -> {
            bridge.epoch(2, 3, 0.5);
            wroteAfterCancel.set(true);
            return Map.of("accuracy", 0.9);
        });

        assertThat(wroteAfterCancel).isFalse();
        assertStaysCancelled(id);
    }

    @Test
    void cancelledJobThatFailsWhileStoppingStaysCancelled() {
        String id = startCancelAndRelease(bridge -> {
            try {
                bridge.epoch(2, 3, 0.5);
            } catch (OperationCancelledException e) {
                throw new IllegalStateException("cleanup failed");
            }
            return Map.of();
        });

        assertStaysCancelled(id);
    }

    @Test
    void cancelledJobThatIgnoresCancellationAndReturnsStaysCancelled() {
        String id = startCancelAndRelease(bridge -> {
            try {
                bridge.epoch(2, 3, 0.5);
            } catch (OperationCancelledException e) {
                // a careless job that carries on
            }
            return Map.of("accuracy", 0.5);
        });

        assertStaysCancelled(id);
    }

    @Test
    void fullPoolRefusesTheJobAndForgetsItsOperation() {
        runner = runner(1, 1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        String first = submit(bridge -> {
            firstRunning.countDown();
            return blockUntilReleased();
        });
        awaitLatch(firstRunning);
        String queued = submit(bridge -> Map.of());
        OperationInfo rejected = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());
        AtomicBoolean rejectedRan = new AtomicBoolean();

        assertThatThrownBy(() -> runner.submit(rejected, new TestBridge(), bridge -> {
            rejectedRan.set(true);
            return Map.of();
        })).isInstanceOf(CapacityExceededException.class).hasMessageContaining("busy");

        assertThat(fixture.store.find(rejected.operationId())).isEmpty();
        assertThatThrownBy(() -> operations.get(rejected.operationId(), false))
                .isInstanceOf(OperationNotFoundException.class);
        release.countDown();
        awaitStatus(first, OperationStatus.COMPLETED);
        awaitStatus(queued, OperationStatus.COMPLETED);
        assertThat(rejectedRan).isFalse();
    }

    @Test
    void operationCancelledWhileQueuedNeverRunsItsJob() {
        runner = runner(1, 2);
        CountDownLatch firstRunning = new CountDownLatch(1);
        AtomicBoolean queuedJobRan = new AtomicBoolean();
        String first = submit(bridge -> {
            firstRunning.countDown();
            return blockUntilReleased();
        });
        awaitLatch(firstRunning);
        String queued = submit(bridge -> {
            queuedJobRan.set(true);
            return Map.of();
        });

        lifecycle.cancel(queued);
        release.countDown();
        awaitStatus(first, OperationStatus.COMPLETED);
        awaitPoolDrained();

        assertThat(queuedJobRan).isFalse();
        OperationInfo info = operations.get(queued, true);
        assertThat(info.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(info.startedAt()).isNull();
    }

    /**
     * Runs {@code afterCancel} on a single worker once the operation is running and has been
     * cancelled; returns after the worker is done with it.
     */
    private String startCancelAndRelease(Function<TestBridge, Map<String, Object>> afterCancel) {
        runner = runner(1, 2);
        CountDownLatch running = new CountDownLatch(1);
        String id = submit(bridge -> {
            bridge.epoch(1, 3, 0.9);
            running.countDown();
            blockUntilReleased();
            return afterCancel.apply(bridge);
        });
        awaitLatch(running);

        lifecycle.cancel(id);
        release.countDown();
        awaitPoolDrained();
        return id;
    }

    private void assertStaysCancelled(String id) {
        OperationInfo info = operations.get(id, true);
        assertThat(info.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(info.errorMessage()).isNull();
        assertThat(info.resultSummary()).isNull();
        assertThat(info.metricsCount()).isEqualTo(1);
    }

    /** With one worker and a FIFO queue, a job submitted now runs only after every earlier job is done. */
    private void awaitPoolDrained() {
        awaitStatus(submit(bridge -> Map.of()), OperationStatus.COMPLETED);
    }

    private String submit(Function<TestBridge, Map<String, Object>> job) {
        OperationInfo created = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());
        return runner.submit(created, new TestBridge(), job).operationId();
    }

    private OperationInfo awaitStatus(String id, OperationStatus status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> operations.get(id, true).status() == status);
        return operations.get(id, true);
    }

    private Map<String, Object> blockUntilReleased() {
        try {
            if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return Map.of("released", true);
    }

    private static void awaitLatch(CountDownLatch latch) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> latch.getCount() == 0);
    }

    private OperationRunner runner(int workerThreads, int queueCapacity) {
        io.opsbridge.core.settings.Settings settings = TestCores.settings(Map.of(
                "opsbridge.operations.worker-threads", String.valueOf(workerThreads),
                "opsbridge.operations.queue-capacity", String.valueOf(queueCapacity)));
        return new OperationRunner(lifecycle, sources, settings, new OperationLogs(fixture.store, settings));
    }
}

package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsServiceLifecycleTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;

    @Test
    void idsNameTheTypeAndTheCreationTimeInUtc() {
        String training = fixture.created(OperationType.TRAINING);
        String loading = fixture.created(OperationType.DATA_LOADING);

        assertThat(training).matches("op_training_\\d{8}_\\d{6}_[0-9a-f]{8}").startsWith("op_training_20261124_093012_");
        assertThat(loading).matches("op_data_loading_\\d{8}_\\d{6}_[0-9a-f]{8}");
        assertThat(training).isNotEqualTo(loading);
    }

    @Test
    void newOperationIsPendingWithoutProgress() {
        OperationInfo info = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());

        assertThat(info.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(info.createdAt()).isEqualTo(ServiceFixture.START);
        assertThat(info.startedAt()).isNull();
        assertThat(info.completedAt()).isNull();
        assertThat(info.progress().percentage()).isZero();
        assertThat(info.metadata().mode()).isEqualTo("local");
        assertThat(operations.get(info.operationId(), false)).isEqualTo(info);
    }

    @Test
    void createStartCompleteRecordsTimesResultAndFullProgress() {
        TestBridge bridge = new TestBridge();
        List<Long> versions = new ArrayList<>();
        String id = fixture.created(OperationType.TRAINING);
        versions.add(operations.get(id, false).version());
        sources.registerLocal(id, bridge);

        fixture.clock.advance(Duration.ofMinutes(1));
        versions.add(lifecycle.start(id).version());
        bridge.epoch(1, 3, 0.9);
        fixture.afterTtl();
        versions.add(operations.get(id, false).version());
        bridge.epoch(2, 3, 0.5);
        fixture.clock.advance(Duration.ofMinutes(1));
        OperationInfo done = lifecycle.complete(id, Map.of("accuracy", 0.93));
        versions.add(done.version());

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.createdAt()).isEqualTo(ServiceFixture.START);
        assertThat(done.startedAt()).isEqualTo(ServiceFixture.START.plus(Duration.ofMinutes(1)));
        assertThat(done.completedAt()).isEqualTo(ServiceFixture.START.plus(Duration.ofMinutes(2)));
        assertThat(done.resultSummary()).containsExactly(Map.entry("accuracy", 0.93));
        assertThat(done.errorMessage()).isNull();
        assertThat(done.progress().percentage()).isEqualTo(100.0);
        assertThat(done.progress().currentStep()).isEqualTo("Epoch 2/3");
        assertThat(done.metricsCount()).isEqualTo(2);
        assertThat(versions).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(operations.get(id, false)).isEqualTo(done);
    }

    @Test
    void failureRecordsTheMessageAndCompletionTime() {
        String id = fixture.running(new TestBridge());
        fixture.clock.advance(Duration.ofSeconds(5));

        OperationInfo failed = lifecycle.fail(id, "out of memory");

        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("out of memory");
        assertThat(failed.completedAt()).isEqualTo(ServiceFixture.START.plusSeconds(5));
        assertThat(failed.resultSummary()).isNull();
    }

    @Test
    void startingTwiceIsRefused() {
        String id = fixture.running(new TestBridge());

        assertThatThrownBy(() -> lifecycle.start(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(operations.get(id, true).status()).isEqualTo(OperationStatus.RUNNING);
    }

    @Test
    void completingAPendingOperationIsRefused() {
        String id = fixture.created(OperationType.TRAINING);

        assertThatThrownBy(() -> lifecycle.complete(id, Map.of())).isInstanceOf(IllegalTransitionException.class);
        assertThat(operations.get(id, true).status()).isEqualTo(OperationStatus.PENDING);
    }

    @Test
    void completeAfterCancelIsRefusedAndTheOperationStaysCancelled() {
        String id = fixture.running(new TestBridge());
        lifecycle.cancel(id);

        assertThatThrownBy(() -> lifecycle.complete(id, Map.of("accuracy", 1.0)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cancelled");
        OperationInfo info = operations.get(id, true);
        assertThat(info.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(info.resultSummary()).isNull();
    }

    @Test
    void failAfterCancelIsRefusedAndTheOperationStaysCancelled() {
        String id = fixture.running(new TestBridge());
        lifecycle.cancel(id);

        assertThatThrownBy(() -> lifecycle.fail(id, "boom")).isInstanceOf(IllegalTransitionException.class);
        OperationInfo info = operations.get(id, true);
        assertThat(info.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(info.errorMessage()).isNull();
    }

    @Test
    void cancellingAPendingOperationFinishesIt() {
        String id = fixture.created(OperationType.DATA_LOADING);

        OperationInfo cancelled = lifecycle.cancel(id);

        assertThat(cancelled.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isNotNull();
        assertThat(lifecycle.tryStart(id)).isFalse();
        assertThat(operations.get(id, true).status()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void cancelIsIdempotentOnACancelledOperation() {
        String id = fixture.running(new TestBridge());
        OperationInfo first = lifecycle.cancel(id);
        fixture.clock.advance(Duration.ofMinutes(1));

        OperationInfo second = lifecycle.cancel(id);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void cancellingACompletedOperationIsRefused() {
        String id = fixture.running(new TestBridge());
        OperationInfo completed = lifecycle.complete(id, Map.of("accuracy", 0.9));

        assertThatThrownBy(() -> lifecycle.cancel(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(operations.get(id, true)).isEqualTo(completed);
    }

    @Test
    void cancellingAFailedOperationIsRefused() {
        String id = fixture.running(new TestBridge());
        lifecycle.fail(id, "boom");

        assertThatThrownBy(() -> lifecycle.cancel(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(operations.get(id, true).status()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void cancelAsksTheWorkerToStopAtItsNextWrite() {
        TestBridge bridge = new TestBridge();
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);

        lifecycle.cancel(id);

        assertThat(bridge.isCancelRequested()).isTrue();
        assertThatThrownBy(() -> bridge.epoch(2, 3, 0.5)).isInstanceOf(OperationCancelledException.class);
    }

    @Test
    void unknownIdIsNotFoundEverywhere() {
        String unknown = "op_training_20261124_093012_deadbeef";

        assertThatThrownBy(() -> operations.get(unknown, false)).isInstanceOf(OperationNotFoundException.class)
                .hasMessageContaining(unknown);
        assertThatThrownBy(() -> operations.get(unknown, true)).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> operations.metrics(unknown, 0)).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> operations.results(unknown)).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.cancel(unknown)).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.start(unknown)).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.complete(unknown, Map.of())).isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> lifecycle.fail(unknown, "x")).isInstanceOf(OperationNotFoundException.class);
    }

    @Test
    void resultsOfARunningOperationAreAConflict() {
        String id = fixture.running(new TestBridge());

        assertThatThrownBy(() -> operations.results(id))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("running");
    }

    @Test
    void resultsOfAFailedOperationAreAConflictThatSaysWhy() {
        String id = fixture.running(new TestBridge());
        lifecycle.fail(id, "disk full");

        assertThatThrownBy(() -> operations.results(id))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("failed")
                .hasMessageContaining("disk full");
    }

    @Test
    void resultsOfACompletedOperationAreItsSummary() {
        String id = fixture.running(new TestBridge());
        OperationInfo done = lifecycle.complete(id, Map.of("accuracy", 0.93, "model_path", "/models/a.pt"));

        OperationResults results = operations.results(id);

        assertThat(results.operationId()).isEqualTo(id);
        assertThat(results.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(results.operationType()).isEqualTo(OperationType.TRAINING);
        assertThat(results.completedAt()).isEqualTo(done.completedAt());
        assertThat(results.resultSummary()).isEqualTo(Map.of("accuracy", 0.93, "model_path", "/models/a.pt"));
    }

    @Test
    void discardForgetsTheOperation() {
        String id = fixture.running(new TestBridge());
        operations.get(id, false);

        lifecycle.discard(id);

        assertThat(fixture.store.find(id)).isEmpty();
        assertThatThrownBy(() -> operations.get(id, false)).isInstanceOf(OperationNotFoundException.class);
    }

    @Test
    void clockTimesAreUsedForEveryTimestamp() {
        Instant later = ServiceFixture.START.plus(Duration.ofHours(1));
        fixture.clock.advance(Duration.ofHours(1));

        OperationInfo info = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());

        assertThat(info.createdAt()).isEqualTo(later);
        assertThat(info.operationId()).startsWith("op_training_20261124_103012_");
    }
}

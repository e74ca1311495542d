package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsServiceMetricsTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private final TestBridge bridge = new TestBridge();

    @Test
    void finalPullAtCompletionKeepsMetricsNobodyAskedFor() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);
        bridge.epoch(2, 3, 0.6);
        bridge.epoch(3, 3, 0.4);

        lifecycle.complete(id, Map.of("accuracy", 0.9));

        MetricsResponse response = operations.metrics(id, 0);
        assertThat(response.operationId()).isEqualTo(id);
        assertThat(response.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        assertThat(response.newCursor()).isEqualTo(3);
        assertThat(operations.get(id, false).metricsCount()).isEqualTo(3);
        assertThat(operations.get(id, false).progress().currentStep()).isEqualTo("Epoch 3/3");
    }

    @Test
    void finalPullAtFailureKeepsTheMetricsWrittenBeforeIt() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);
        bridge.epoch(2, 3, 0.6);

        lifecycle.fail(id, "diverged");

        assertThat(operations.metrics(id, 0).metrics()).hasSize(2);
        assertThat(operations.get(id, false).metricsCount()).isEqualTo(2);
    }

    @Test
    void cancelKeepsTheMetricsWrittenBeforeIt() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);

        lifecycle.cancel(id);

        assertThat(operations.metrics(id, 0).metrics()).hasSize(1);
        assertThat(operations.get(id, false).metricsCount()).isEqualTo(1);
    }

    @Test
    void followingNewCursorReturnsEachMetricOnce() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 5, 0.9);
        bridge.epoch(2, 5, 0.8);
        fixture.afterTtl();

        MetricsResponse first = operations.metrics(id, 0);
        bridge.epoch(3, 5, 0.7);
        bridge.epoch(4, 5, 0.6);
        bridge.epoch(5, 5, 0.5);
        fixture.afterTtl();
        MetricsResponse second = operations.metrics(id, first.newCursor());
        MetricsResponse third = operations.metrics(id, second.newCursor());
        lifecycle.complete(id, Map.of());
        MetricsResponse afterCompletion = operations.metrics(id, third.newCursor());

        assertThat(first.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2);
        assertThat(first.newCursor()).isEqualTo(2);
        assertThat(second.metrics()).extracting(m -> m.get("epoch")).containsExactly(3, 4, 5);
        assertThat(second.newCursor()).isEqualTo(5);
        assertThat(third.metrics()).isEmpty();
        assertThat(third.newCursor()).isEqualTo(5);
        assertThat(afterCompletion.metrics()).isEmpty();
        assertThat(afterCompletion.newCursor()).isEqualTo(5);
    }

    @Test
    void repeatedRefreshesNeverCopyAMetricTwice() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);
        operations.get(id, true);
        operations.get(id, true);
        bridge.epoch(2, 3, 0.8);
        operations.get(id, true);
        operations.get(id, true);

        MetricsResponse all = operations.metrics(id, 0);

        assertThat(all.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2);
        assertThat(operations.get(id, false).metricsCount()).isEqualTo(2);
    }

    @Test
    void metricsWithinTtlServeWhatWasAlreadyPulled() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);
        fixture.afterTtl();
        operations.metrics(id, 0);
        bridge.epoch(2, 3, 0.8);

        assertThat(operations.metrics(id, 0).metrics()).hasSize(1);
        fixture.afterTtl();
        assertThat(operations.metrics(id, 0).metrics()).hasSize(2);
    }

    @Test
    void negativeCursorIsAnInvalidRequestNamingTheCursor() {
        String id = fixture.running(bridge);

        assertThatThrownBy(() -> operations.metrics(id, -1))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("cursor"))
                .hasMessageContaining("-1");
    }

    @Test
    void cursorPastTheEndReturnsNothing() {
        String id = fixture.running(bridge);
        bridge.epoch(1, 3, 0.9);
        operations.get(id, true);

        MetricsResponse response = operations.metrics(id, 7);

        assertThat(response.metrics()).isEmpty();
        assertThat(response.newCursor()).isEqualTo(7);
    }

    @Test
    void operationWithoutMetricsHasAnEmptyList() {
        String id = fixture.created(OperationType.DATA_LOADING);

        assertThat(operations.metrics(id, 0).metrics()).isEmpty();
        assertThat(operations.metrics(id, 0).newCursor()).isZero();
    }
}

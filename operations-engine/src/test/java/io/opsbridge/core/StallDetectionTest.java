package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stuck and lost detection, computed when a client reads: no timer anywhere. */
class StallDetectionTest {

    private static final Duration STALL_AFTER = Duration.ofMinutes(10);
    private static final Duration FAIL_AFTER = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final OperationsCore core = TestCores.core(store,
            TestCores.trainingStalls(ServiceFixture.TTL, STALL_AFTER, FAIL_AFTER), ticker, clock).build();
    private final OperationsService operations = core.operations();
    private final OperationLifecycle lifecycle = core.lifecycle();
    private final ProgressSources sources = core.sources();
    private final TestBridge bridge = new TestBridge();
    private String id;

    @BeforeEach
    void runningTrainingWithSomeProgress() {
        id = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        sources.registerLocal(id, bridge);
        lifecycle.start(id);
        bridge.progress(30, "epoch 3");
        operations.get(id, true);
    }

    private OperationInfo readAfter(Duration quiet) {
        clock.advance(quiet);
        ticker.advance(ServiceFixture.TTL.plusMillis(1));
        return operations.get(id, false);
    }

    @Test
    void quietOperationIsReportedStalledThenFailed() {
        OperationInfo fine = readAfter(STALL_AFTER.minusSeconds(1));
        OperationInfo stalled = readAfter(Duration.ofSeconds(1));
        OperationInfo stillStalled = readAfter(Duration.ofMinutes(5));
        OperationInfo lost = readAfter(FAIL_AFTER);

        assertThat(fine.progress().context()).doesNotContainKey("stalled");
        assertThat(stalled.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(stalled.progress().context()).containsEntry("stalled", true).containsKey("last_progress_at");
        assertThat(stalled.version()).isGreaterThan(fine.version());
        assertThat(stillStalled.version()).isEqualTo(stalled.version());
        assertThat(lost.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(lost.errorMessage()).startsWith("stalled: no progress for");
        assertThat(bridge.isCancelRequested()).isTrue();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void progressClearsTheStalledMark() {
        assertThat(readAfter(STALL_AFTER).progress().context()).containsEntry("stalled", true);

        bridge.progress(40, "epoch 4");
        OperationInfo moving = readAfter(Duration.ofSeconds(1));

        assertThat(moving.progress().context()).doesNotContainKey("stalled");
        assertThat(readAfter(FAIL_AFTER.minusSeconds(2)).status()).isEqualTo(OperationStatus.RUNNING);
    }

    @Test
    void aCachedCopyOfALostOperationIsNotAnsweredWithoutBlocking() {
        OperationInfo cached = operations.get(id, false);
        assertThat(operations.cachedAnswer(id)).isSameAs(cached);

        clock.advance(FAIL_AFTER);

        assertThat(operations.cachedAnswer(id)).as("the copy is young, but the operation must be failed first").isNull();
        assertThat(operations.get(id, false).status()).isEqualTo(OperationStatus.FAILED);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void listingAlsoFailsALostOperation() {
        clock.advance(FAIL_AFTER);
        ticker.advance(ServiceFixture.TTL.plusMillis(1));

        OperationInfo listed = operations.list(new OperationQuery(null, null, 50, 0)).operations().get(0);

        assertThat(listed.status()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void pendingAndFinishedOperationsNeverStall() {
        String pending = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        lifecycle.complete(id, Map.of());

        clock.advance(FAIL_AFTER.multipliedBy(3));
        ticker.advance(ServiceFixture.TTL.plusMillis(1));

        assertThat(operations.get(pending, false).status()).isEqualTo(OperationStatus.PENDING);
        assertThat(operations.get(id, false).status()).isEqualTo(OperationStatus.COMPLETED);
    }
}

package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull on query through the TTL cache: how often the bridge is read, and what clients see. */
class OperationsServiceRefreshTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private final TestBridge bridge = new TestBridge();
    private String id;
    private ExecutorService clients;

    @BeforeEach
    void runningOperationWithProgress() {
        id = fixture.running(bridge);
        bridge.progress(40, "epoch 4 of 10");
        fixture.afterTtl();
    }

    @AfterEach
    void stopClients() {
        if (clients != null) {
            clients.shutdownNow();
        }
    }

    @Test
    void threeReadsWithinTtlCauseOneBridgeRead() {
        int before = bridge.snapshotReads();

        List<OperationInfo> answers = List.of(operations.get(id, false), operations.get(id, false), operations.get(id, false));

        assertThat(bridge.snapshotReads()).isEqualTo(before + 1);
        assertThat(answers).allSatisfy(info -> assertThat(info.progress().percentage()).isEqualTo(40.0));
    }

    @Test
    void eightConcurrentClientsWithinTtlCauseOneBridgeRead() throws Exception {
        int before = bridge.snapshotReads();
        clients = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<OperationInfo>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                return operations.get(id, false);
            }));
        }

        go.countDown();

        for (Future<OperationInfo> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).progress().percentage()).isEqualTo(40.0);
        }
        assertThat(bridge.snapshotReads()).isEqualTo(before + 1);
    }

    @Test
    void readsWithinTtlMayBeStaleButAfterTtlSeeNewProgress() {
        operations.get(id, false);
        bridge.progress(70, "epoch 7 of 10");

        OperationInfo withinTtl = operations.get(id, false);
        fixture.afterTtl();
        OperationInfo afterTtl = operations.get(id, false);

        assertThat(withinTtl.progress().percentage()).isEqualTo(40.0);
        assertThat(afterTtl.progress().percentage()).isEqualTo(70.0);
        assertThat(afterTtl.progress().message()).isEqualTo("epoch 7 of 10");
        assertThat(afterTtl.version()).isGreaterThan(withinTtl.version());
    }

    @Test
    void eachReadAfterTheTtlReadsTheBridgeAgain() {
        int before = bridge.snapshotReads();

        operations.get(id, false);
        fixture.afterTtl();
        operations.get(id, false);
        fixture.afterTtl();
        operations.get(id, false);

        assertThat(bridge.snapshotReads()).isEqualTo(before + 3);
    }

    @Test
    void forceRefreshReadsTheBridgeEvenWithinTtl() {
        operations.get(id, false);
        int before = bridge.snapshotReads();
        bridge.progress(55, "epoch 5 of 10");

        OperationInfo forced = operations.get(id, true);

        assertThat(bridge.snapshotReads()).isEqualTo(before + 1);
        assertThat(forced.progress().percentage()).isEqualTo(55.0);
        assertThat(operations.get(id, false)).isEqualTo(forced);
        assertThat(bridge.snapshotReads()).isEqualTo(before + 1);
    }

    @Test
    void unchangedBridgeDoesNotChangeTheVersion() {
        OperationInfo first = operations.get(id, true);

        OperationInfo second = operations.get(id, true);

        assertThat(second.version()).isEqualTo(first.version());
    }

    @Test
    void completedOperationIsNeverRefreshedAgain() {
        lifecycle.complete(id, Map.of("accuracy", 0.9));
        int readsAtCompletion = bridge.snapshotReads();
        bridge.progress(12, "a write after completion");

        operations.get(id, false);
        operations.get(id, true);
        fixture.afterTtl();
        OperationInfo info = operations.get(id, false);
        operations.list(new OperationQuery(null, null, 50, 0));
        operations.metrics(id, 0);
        operations.results(id);
        assertThatThrownBy(() -> lifecycle.cancel(id)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lifecycle.fail(id, "late")).isInstanceOf(IllegalTransitionException.class);
        fixture.afterTtl();
        operations.get(id, true);

        assertThat(bridge.snapshotReads()).isEqualTo(readsAtCompletion);
        assertThat(info.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(info.progress().percentage()).isEqualTo(100.0);
    }

    @Test
    void cancelledOperationIsNeverRefreshedAgain() {
        lifecycle.cancel(id);
        int readsAtCancel = bridge.snapshotReads();

        operations.get(id, true);
        fixture.afterTtl();
        operations.get(id, false);
        operations.metrics(id, 0);
        lifecycle.cancel(id);

        assertThat(bridge.snapshotReads()).isEqualTo(readsAtCancel);
    }

    @Test
    void listShowsFreshProgressOfRunningOperations() {
        assertThat(fixture.store.find(id)).get().extracting(op -> op.progress().percentage()).isEqualTo(0.0);

        OperationInfo listed = operations.list(new OperationQuery(OperationStatus.RUNNING, null, 50, 0))
                .operations().get(0);

        assertThat(listed.operationId()).isEqualTo(id);
        assertThat(listed.progress().percentage()).isEqualTo(40.0);
        assertThat(listed.progress().message()).isEqualTo("epoch 4 of 10");
    }

    @Test
    void listAndGetWithinTtlShareOneBridgeRead() {
        int before = bridge.snapshotReads();

        operations.list(new OperationQuery(null, null, 50, 0));
        operations.get(id, false);
        operations.list(new OperationQuery(null, OperationType.TRAINING, 50, 0));

        assertThat(bridge.snapshotReads()).isEqualTo(before + 1);
    }
}

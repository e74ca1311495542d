package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import io.opsbridge.core.store.InMemoryRemoteMappingStore;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two services) on one store and one mapping store, as two backends on one database:
 * either answers for a host operation whichever started it, and each host metric is stored once.
 */
class RemoteReplicasTest {

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final RemoteMappingStore mappings = new InMemoryRemoteMappingStore(store);
    private final FakeHost host = new FakeHost("host_training_s1");
    private final OperationsCore a = replica();
    private final OperationsCore b = replica();
    private String id;

    private OperationsCore replica() {
        return TestCores.core(store, TestCores.quiet(Duration.ZERO), new FakeTicker(), clock).mappings(mappings)
                .proxies(url -> {
                    assertThat(url).isEqualTo(FakeHost.URL);
                    return host.proxy();
                }).build();
    }

    @BeforeEach
    void startedOnReplicaA() {
        id = a.lifecycle().create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", FakeHost.URL, "s1", Map.of())).operationId();
        a.sources().register(id, a.hosts().source(id, FakeHost.URL, "host_training_s1"));
        a.lifecycle().start(id);
    }

    @Test
    void replicaThatDidNotStartTheHostOperationFollowsItToCompletion() {
        host.epoch(1, 2);
        OperationInfo seenOnB = b.operations().get(id, false);
        assertThat(seenOnB.progress().currentStep()).isEqualTo("Epoch 1/2");
        assertThat(seenOnB.metricsCount()).isEqualTo(1);

        host.epoch(2, 2);
        host.finish(OperationStatus.COMPLETED, null);
        OperationInfo done = b.operations().get(id, false);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.resultSummary()).containsEntry("model_version", "host_training_s1");
        assertThat(b.operations().metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2);
        assertThat(a.operations().get(id, false).status()).as("A sees B's discovery").isEqualTo(OperationStatus.COMPLETED);
    }

    @Test
    void twoReplicasPullingTheSameHostStoreEachMetricOnce() {
        host.epoch(1, 4);
        a.operations().get(id, true);
        b.operations().get(id, true);
        host.epoch(2, 4);
        host.epoch(3, 4);
        b.operations().get(id, true);
        // A's cursor is behind: it copies a page B already stored, loses the compare-and-set, follows on
        a.operations().get(id, true);
        host.epoch(4, 4);
        a.operations().get(id, true);
        b.operations().get(id, true);

        assertThat(a.operations().metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3, 4);
        assertThat(a.operations().get(id, true).metricsCount()).isEqualTo(4);
        assertThat(b.operations().get(id, true).metricsCount()).isEqualTo(4);
    }

    @Test
    void replicaThatLosesTheRaceStillStoresTheTailTheOtherHasNot() {
        host.epoch(1, 3);
        a.operations().get(id, true);
        b.operations().get(id, true);
        host.epoch(2, 3);
        a.operations().get(id, true);
        // B is at cursor 1, A at 2: B fetches [2, 3], loses the compare-and-set, must still store 3
        host.epoch(3, 3);
        host.finish(OperationStatus.COMPLETED, null);
        OperationInfo done = b.operations().get(id, true);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.metricsCount()).isEqualTo(3);
        assertThat(b.operations().metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
    }

    @Test
    void concurrentPullsOnBothReplicasNeverDuplicateAMetric() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                OperationsService replica = (c % 2 == 0 ? a : b).operations();
                running.add(clients.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        replica.get(id, true);
                    }
                }));
            }
            for (int epoch = 1; epoch <= 50; epoch++) {
                host.epoch(epoch, 50);
                Thread.yield();
            }
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        a.operations().get(id, true);
        b.operations().get(id, true);

        assertThat(a.operations().metrics(id, 0).metrics()).extracting(m -> m.get("epoch"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(store.find(id).orElseThrow().metricsCount()).isEqualTo(50);
    }
}

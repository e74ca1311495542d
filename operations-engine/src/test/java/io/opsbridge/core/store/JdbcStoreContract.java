package io.opsbridge.core.store;

import static io.opsbridge.core.Records.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import java.sql.SQLException;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.StatusCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The store contract plus what only the database stores do: node ownership and remote mappings. */
abstract class JdbcStoreContract extends OperationStoreContract {

    /** The migrated database of this test class. */
    protected abstract DataSource dataSource();

    @Override
    protected OperationStore emptyStore() {
        try {
            TestDatabases.clear(dataSource());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcOperationStore(dataSource(), "node-a");
    }

    @Override
    protected IdempotencyKeyStore keyStore() {
        return new JdbcIdempotencyKeyStore(dataSource());
    }

    private RemoteMappingStore mappings() {
        return new JdbcRemoteMappingStore(dataSource());
    }

    @Test
    void aNodeRecoversOnlyItsOwnUnfinishedOperations() {
        store.insert(pending("op_a", T0));
        OperationStore nodeB = new JdbcOperationStore(dataSource(), "node-b");
        nodeB.insert(pending("op_b", T0));

        assertThat(store.unfinishedLocal()).extracting(OperationInfo::operationId).containsExactly("op_a");
        assertThat(nodeB.unfinishedLocal()).extracting(OperationInfo::operationId).containsExactly("op_b");
        assertThat(nodeB.find("op_a")).isPresent();
    }

    @Test
    void ofTwoNodesClaimingTheSameAttemptOneWinsAndBecomesTheOwner() {
        store.insert(pending("op_a", T0));
        OperationInfo first = attempt(store.find("op_a").orElseThrow(), 1);
        store.update("op_a", current -> first);
        OperationStore nodeB = new JdbcOperationStore(dataSource(), "node-b");
        OperationStore nodeC = new JdbcOperationStore(dataSource(), "node-c");

        OperationInfo claimed = nodeB.claimAttempt("op_a", "node-a", 1, current -> attempt(current, 2)).orElseThrow();

        assertThat(claimed.attempts().count()).isEqualTo(2);
        assertThatThrownBy(() -> nodeC.claimAttempt("op_a", "node-a", 1, current -> attempt(current, 2)))
                .isInstanceOf(io.opsbridge.core.IllegalTransitionException.class).hasMessageContaining("node-b");
        assertThatThrownBy(() -> nodeC.claimAttempt("op_a", null, 1, current -> attempt(current, 2)))
                .isInstanceOf(io.opsbridge.core.IllegalTransitionException.class).hasMessageContaining("attempt 2");
        assertThat(store.find("op_a").orElseThrow().attempts().count()).isEqualTo(2);
        assertThat(nodeB.unfinishedLocal()).as("the winner owns it now").extracting(OperationInfo::operationId)
                .containsExactly("op_a");
        assertThat(store.unfinishedLocal()).isEmpty();
        assertThat(nodeB.claimAttempt("op_missing", null, 1, current -> current)).isEmpty();
    }

    @Test
    void aClaimThatResumesAFailedOperationMovesEveryCountWithIt() {
        store.insert(training("op_f", T0, "mlp_direction", "AAPL"));
        store.update("op_f", op -> inStatus(inStatus(op, OperationStatus.RUNNING, T0), OperationStatus.FAILED,
                T0.plusSeconds(1)));

        store.claimAttempt("op_f", null, 1, current -> inStatus(current, OperationStatus.RUNNING, T0.plusSeconds(2)));

        StatusCounts running = new StatusCounts(0, 1, 0, 0, 0);
        assertThat(store.list(search(null, null, "AAPL", null, null, null)).counts()).isEqualTo(running);
        assertThat(store.list(search(null, null, null, "mlp_direction", null, null)).counts()).isEqualTo(running);
        assertThat(store.list(search(OperationStatus.RUNNING, null, "AAPL", null, T0.minusSeconds(1), null)).total())
                .isEqualTo(1);
        assertThat(store.countByTypeAndStatus().get(io.opsbridge.api.OperationType.TRAINING))
                .containsEntry(OperationStatus.RUNNING, 1L).containsEntry(OperationStatus.FAILED, 0L);
    }

    private static OperationInfo attempt(OperationInfo current, int number) {
        return current.withAttempts(current.attempts().plus(new io.opsbridge.api.OperationAttempt(number, T0,
                io.opsbridge.api.OperationAttempt.REPLICA, "node-" + number, 0, number == 1 ? null : "lost")))
                .withProgress(current.progress(), current.metricsCount(), T0);
    }

    @Test
    void theMetricsEndNamesTheLastStoredEpoch() {
        store.insert(pending("op_m", T0));
        assertThat(store.metricsEnd("op_m")).isEqualTo(MetricsEnd.START);
        store.appendMetrics("op_m", 0, List.of(Map.of("epoch", 1), Map.of("epoch", 2)));

        assertThat(store.metricsEnd("op_m")).isEqualTo(new MetricsEnd(2, 2));

        store.deleteMetrics("op_m"); // an attempt that starts over stores every epoch again
        assertThat(store.metricsEnd("op_m")).isEqualTo(MetricsEnd.START);
        store.appendMetrics("op_m", 0, List.of(Map.of("epoch", 1)));
        assertThat(store.metrics("op_m", 0).metrics()).containsExactly(Map.of("epoch", 1));
        assertThat(store.find("op_m")).isPresent();
    }

    @Test
    void remoteMappingIsKeptWithItsCursorAndHostHealth() {
        store.insert(hostOperation("op_r", T0));
        RemoteMapping mapping = RemoteMapping.of("op_r", "http://host:8081", "host_training_s1", T0);

        mappings().save(mapping);
        mappings().recordUnreachable("op_r", T0.plusSeconds(5));
        mappings().recordUnreachable("op_r", T0.plusSeconds(9));

        RemoteMapping unreachable = mappings().find("op_r").orElseThrow();
        assertThat(unreachable.hostServiceUrl()).isEqualTo("http://host:8081");
        assertThat(unreachable.hostOperationId()).isEqualTo("host_training_s1");
        assertThat(unreachable.hostMetricsCursor()).isZero();
        assertThat(unreachable.createdAt()).isEqualTo(T0);
        assertThat(unreachable.unreachableSince()).isEqualTo(T0.plusSeconds(5));

        mappings().recordContact("op_r", T0.plusSeconds(12));
        RemoteMapping reachable = mappings().find("op_r").orElseThrow();
        assertThat(reachable.unreachableSince()).isNull();
        assertThat(reachable.lastContactAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(mappings().find("op_unknown")).isEmpty();
    }

    @Test
    void hostMetricsAreStoredExactlyOnceEvenWhenTwoReplicasCopyTheSamePage() {
        store.insert(hostOperation("op_r", T0));
        mappings().save(RemoteMapping.of("op_r", "http://host:8081", "host_training_s1", T0));
        List<Map<String, Object>> page = List.of(Map.of("epoch", 1), Map.of("epoch", 2));

        int first = mappings().appendHostMetrics("op_r", 0, 2, page);
        int replay = new JdbcRemoteMappingStore(dataSource()).appendHostMetrics("op_r", 0, 2, page);
        int next = mappings().appendHostMetrics("op_r", 2, 3, List.of(Map.of("epoch", 3)));

        assertThat(first).isEqualTo(2);
        assertThat(replay).isEqualTo(-1);
        assertThat(next).isEqualTo(3);
        assertThat(store.metrics("op_r", 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        assertThat(mappings().find("op_r").orElseThrow().hostMetricsCursor()).isEqualTo(3);
    }

    @Test
    void aHostThatTookOverCountsFromZeroWhileTheMetricsContinueEachEpochOnce() {
        store.insert(hostOperation("op_m", T0));
        mappings().save(RemoteMapping.of("op_m", "http://host-1:8081", "host_training_s1", T0));
        mappings().appendHostMetrics("op_m", 0, 3, List.of(Map.of("epoch", 1), Map.of("epoch", 2), Map.of("epoch", 3)));

        mappings().moved("op_m", "http://host-2:8081", "host_training_s2", T0.plusSeconds(5));
        // the new host resumed from the checkpoint of epoch 2: it redoes epoch 3
        int end = mappings().appendHostMetrics("op_m", 0, 2, List.of(Map.of("epoch", 3), Map.of("epoch", 4)));

        assertThat(end).isEqualTo(4);
        assertThat(store.metrics("op_m", 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3, 4);
        RemoteMapping moved = mappings().find("op_m").orElseThrow();
        assertThat(moved.hostServiceUrl()).isEqualTo("http://host-2:8081");
        assertThat(moved.hostOperationId()).isEqualTo("host_training_s2");
        assertThat(moved.hostMetricsCursor()).isEqualTo(2);
        assertThat(moved.unreachableSince()).isNull();
    }

    @Test
    void aHostThatStartedOverReplacesTheStoredMetricsInTheSameTransaction() {
        store.insert(hostOperation("op_o", T0));
        mappings().save(RemoteMapping.of("op_o", "http://host-1:8081", "host_training_s1", T0));
        mappings().appendHostMetrics("op_o", 0, 2, List.of(Map.of("epoch", 1), Map.of("epoch", 2)));
        mappings().moved("op_o", "http://host-2:8081", "host_training_s2", T0.plusSeconds(5));

        int end = mappings().appendHostMetrics("op_o", 0, 1, List.of(Map.of("epoch", 1, "loss", 0.5)), true);
        int replay = mappings().appendHostMetrics("op_o", 0, 1, List.of(Map.of("epoch", 1, "loss", 0.5)), true);

        assertThat(end).isEqualTo(1);
        assertThat(replay).as("a second follower's copy replaces nothing").isEqualTo(-1);
        assertThat(store.metrics("op_o", 0).metrics()).containsExactly(Map.of("epoch", 1, "loss", 0.5));
    }

    @Test
    void searchCountsStayExactWhenManyWritersFirstNameTheSameSymbols() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        String id = "op_w" + writer + "_" + i;
                        store.insert(training(id, T0.plusSeconds(i), "s" + (i % 2), "NEW" + (i % 3), "ALL"));
                        if (i % 2 == 0) {
                            store.update(id, op -> inStatus(op, OperationStatus.RUNNING, T0));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(store.list(search(null, null, "ALL", null, null, null)).counts())
                .isEqualTo(new StatusCounts(30, 30, 0, 0, 0));
        assertThat(store.list(search(null, null, "NEW0", null, null, null)).total()).isEqualTo(24);
        assertThat(store.list(search(null, null, null, "s0", null, null)).counts())
                .isEqualTo(new StatusCounts(0, 30, 0, 0, 0));
    }

    @Test
    void retentionAlsoRemovesTheRemoteMapping() {
        store.insert(completed("op_r", T0, T0.plusSeconds(1)));
        mappings().save(RemoteMapping.of("op_r", "http://host:8081", "host_training_s1", T0));

        store.deleteFinishedBefore(T0.plusSeconds(60), T0.plusSeconds(60));

        assertThat(mappings().find("op_r")).isEmpty();
        assertThat(store.wasDeleted("op_r")).isTrue();
    }
}

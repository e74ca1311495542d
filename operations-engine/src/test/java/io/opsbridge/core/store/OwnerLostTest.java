package io.opsbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.MutableClock;
import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.OwnerProgressSource;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The replica that owns a running operation does not answer: the others mark the operation lost,
 * naming the owner, only once its liveness stamp is older than the stall-after, or at once when it is
 * stopping (the replicas table on H2, an owner that refuses every connection).
 */
class OwnerLostTest {

    private static final Instant T0 = Instant.parse("2026-12-07T11:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final JdbcReplicaStore replicas = new JdbcReplicaStore(TestDatabases.h2());
    private final ReplicaIdentity owner = new ReplicaIdentity("replica-b", "instance-b", "http://127.0.0.1:1");
    private final ReplicaIdentity me = new ReplicaIdentity("replica-a", "instance-a", "http://127.0.0.1:2");
    private final Settings settings = new Settings(RuntimeSettings.of(Map.of(
            "opsbridge.stall.training.stall-after", "PT3S", "opsbridge.stall.training.fail-after", "PT10M")));
    private final OperationInfo running = OperationInfo.pending("op_1", OperationType.TRAINING,
            OperationMetadata.local(List.of("AAPL"), "1h", Map.of()), T0);

    @Test
    void anOwnerWhoseStampIsFreshIsNotMarkedLostYetOneSilentPastTheStallAfterIs() {
        replicas.register(owner, T0);
        OwnerProgressSource source = source();

        clock.advance(Duration.ofSeconds(2));
        assertThat(context(read(source))).doesNotContainKey(ProgressContext.OWNER_LOST);
        assertThat(source.quietSince()).isNull();

        clock.advance(Duration.ofSeconds(2));
        OperationInfo read = read(source);
        assertThat(read.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat((String) context(read).get(ProgressContext.OWNER_LOST)).contains("replica replica-b")
                .contains("http://127.0.0.1:1").contains("does not answer");
        assertThat(source.quietSince()).as("lost since its last stamp").isEqualTo(T0);
        assertThat(context(store.find("op_1").orElseThrow())).containsKey(ProgressContext.OWNER_LOST);
    }

    @Test
    void aStoppingOwnerIsMarkedLostAtOnce() {
        replicas.register(owner, T0);
        replicas.markStopping(owner, T0);

        OperationInfo read = read(source());

        assertThat((String) context(read).get(ProgressContext.OWNER_LOST)).contains("replica-b").contains("is stopping");
    }

    @Test
    void anOperationItsOwnerAnswersEndedIsNoLongerFollowedHere() {
        replicas.register(owner, T0);
        source();
        boolean[] forgotten = {false};
        OperationInfo done = new OperationInfo("op_1", OperationType.TRAINING, OperationStatus.COMPLETED, T0, T0, T0, T0,
                running.progress(), running.metadata(), Map.of(), null, 0, 5);
        OwnerProgressSource answering = new OwnerProgressSource("op_1", replicas.find("replica-b").orElseThrow(), me,
                replicas, store, url -> new RefusingOwner() {
                    @Override
                    public CompletionStage<OperationInfo> whenChanged(String id, String wait, long sinceVersion,
                            String to, String by) {
                        return CompletableFuture.completedFuture(done);
                    }
                }, () -> null, () -> forgotten[0] = true, settings, clock);

        assertThat(read(answering).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(forgotten[0]).as("the source forgets itself").isTrue();
    }

    private OwnerProgressSource source() {
        store.insert(running);
        store.update("op_1", op -> new OperationInfo(op.operationId(), op.operationType(), OperationStatus.RUNNING,
                op.createdAt(), T0, T0, null, op.progress(), op.metadata(), null, null, 0, 2));
        return new OwnerProgressSource("op_1", replicas.find("replica-b").orElseThrow(), me, replicas, store,
                url -> new RefusingOwner(), () -> null, () -> { }, settings, clock);
    }

    /** A read through the source (its long-poll, which fails as any read does when the owner is gone). */
    private static OperationInfo read(OwnerProgressSource source) {
        return source.pullAfterChange(Duration.ZERO, Runnable::run).toCompletableFuture().join().orElseThrow();
    }

    private static Map<String, Object> context(OperationInfo info) {
        return info.progress().context() == null ? Map.of() : info.progress().context();
    }
}

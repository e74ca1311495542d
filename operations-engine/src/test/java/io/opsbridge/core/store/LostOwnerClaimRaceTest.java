package io.opsbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.MutableClock;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.lifecycle.LostHosts;
import io.opsbridge.core.lifecycle.LostWork;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.OwnerProgressSource;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two engines, each with its own node id, over one real PostgreSQL schema) read at the
 * same moment a training whose owner replica is gone (its stamp older than the stall-after, every
 * connection to it refused): both find it lost and both try to claim its next attempt, held at a barrier
 * until each has read attempt 1; the conditional update lets exactly one win, which runs attempt 2
 * from the checkpoint and owns it, and the training completes there with every epoch listed once.
 */
class LostOwnerClaimRaceTest {

    private static final Instant T0 = Instant.parse("2026-12-07T11:00:00Z");
    private static final int EPOCHS = 5;
    private static final int CHECKPOINT = 2;

    private final String schema = "race_" + Long.toHexString(System.nanoTime());
    private final DataSource pg = TestDatabases.postgres(schema);
    private final MutableClock clock = new MutableClock(T0);
    private final Settings settings = new Settings(RuntimeSettings.of(Map.of(
            "opsbridge.stall.training.stall-after", "PT3S", "opsbridge.stall.training.fail-after", "PT10M",
            "opsbridge.store.progress-persist-interval", "PT0S")));
    private final JdbcReplicaStore replicas = new JdbcReplicaStore(pg);
    /** Both claimers wait here until each has read the record at attempt 1. */
    private final CyclicBarrier bothSawAttemptOne = new CyclicBarrier(2);
    private final AtomicInteger runs = new AtomicInteger();
    private volatile int maxAttempts = 3;
    private final Replica a = new Replica("replica-a");
    private final Replica b = new Replica("replica-b");

    @AfterEach
    void drop() throws Exception {
        a.runner.shutdown();
        b.runner.shutdown();
        TestDatabases.dropPostgresSchema(pg, schema);
    }

    @Test
    void twoReplicasReadingALostOwnersTrainingAtOnceMakeOneAttemptTwo() throws Exception {
        String id = runningOnAReplicaThatDies();

        CompletableFuture<OperationInfo> readOnA = CompletableFuture.supplyAsync(() -> a.core.operations().get(id, false));
        CompletableFuture<OperationInfo> readOnB = CompletableFuture.supplyAsync(() -> b.core.operations().get(id, false));
        List<OperationInfo> answers = List.of(readOnA.get(20, TimeUnit.SECONDS), readOnB.get(20, TimeUnit.SECONDS));

        assertThat(answers).as("both reads answer the one resumed attempt, never failed")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isIn(OperationStatus.RUNNING, OperationStatus.COMPLETED);
                    assertThat(answer.attempts().count()).isEqualTo(2);
                });
        OperationInfo done = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.store.require(id), op -> op.status() == OperationStatus.COMPLETED);
        assertThat(runs.get()).as("attempt 2 ran once, on one replica").isEqualTo(1);
        assertThat(done.attempts().items()).extracting(OperationAttempt::attempt).containsExactly(1, 2);
        OperationAttempt second = done.attempts().current();
        assertThat(second.runsOn()).isIn("replica-a", "replica-b");
        assertThat(second.fromEpoch()).isEqualTo(CHECKPOINT);
        assertThat(second.previousEnded()).isEqualTo("replica replica-dead lost");
        assertThat(replicas.ownerOf(id)).contains(second.runsOn());
        Replica loser = second.runsOn().equals("replica-a") ? b : a;
        assertThat(loser.core.sources().registered(id)).as("the loser follows the new owner from its next read")
                .isEmpty();
        assertThat(a.store.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).as("every epoch once")
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theLostOwnersWorkerIfItStillRunsNeverCompletesWhatAnotherReplicaTookOver() throws Exception {
        String id = runningOnAReplicaThatDies();
        OperationsCore stillRunning = OperationsCore.builder(new JdbcOperationStore(pg, "replica-dead"))
                .settings(settings).clock(clock).build(); // cut off, not dead: its worker goes on
        CompletableFuture<OperationInfo> readOnB = CompletableFuture.supplyAsync(() -> b.core.operations().get(id, false));
        a.core.operations().get(id, false);
        readOnB.get(20, TimeUnit.SECONDS);

        assertThatThrownBy(() -> stillRunning.lifecycle().complete(id, Map.of("model_version", "zombie")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("claimed elsewhere");
        OperationInfo done = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.store.require(id), op -> op.status() == OperationStatus.COMPLETED);
        assertThat(done.resultSummary()).containsEntry("epochs", EPOCHS).doesNotContainKey("model_version");
        assertThat(done.attempts().count()).isEqualTo(2);
    }

    @Test
    void aLostOwnersTrainingWithNoAttemptLeftStaysRunningMarkedLostAndFailsAtItsFailAfter() {
        maxAttempts = 1;
        String id = runningOnAReplicaThatDies();

        OperationInfo lost = a.core.operations().get(id, false);

        assertThat(lost.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(lost.attempts().count()).isEqualTo(1);
        assertThat((String) lost.progress().context().get("owner_lost")).contains("replica replica-dead");
        clock.advance(Duration.ofMinutes(10));
        OperationInfo failed = a.core.operations().get(id, true);
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.errorMessage()).startsWith("owner lost: replica replica-dead");
        assertThat(runs.get()).isZero();
    }

    /** A training at attempt 1 on replica-dead, 3 epochs stored, whose process is gone; the clock 10 s later. */
    private String runningOnAReplicaThatDies() {
        replicas.register(new ReplicaIdentity("replica-dead", "instance-dead", "http://127.0.0.1:1"), T0);
        JdbcOperationStore deadStore = new JdbcOperationStore(pg, "replica-dead");
        OperationsCore dead = OperationsCore.builder(deadStore).settings(settings).clock(clock).build();
        String id = dead.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of("seed", 7))).operationId();
        dead.lifecycle().start(id);
        deadStore.appendMetrics(id, 0, List.of(Map.of("epoch", 1), Map.of("epoch", 2), Map.of("epoch", 3)));
        clock.advance(Duration.ofSeconds(10));
        return id;
    }

    /** One replica: its own node id, store, engine, workers, and the production lost-work wiring. */
    private final class Replica {
        final JdbcOperationStore store;
        final OperationsCore core;
        final OperationRunner runner;

        Replica(String node) {
            store = new JdbcOperationStore(pg, node);
            core = OperationsCore.builder(store).settings(settings).clock(clock).build();
            ReplicaIdentity me = new ReplicaIdentity(node, node + "-instance", "http://127.0.0.1:9/" + node);
            replicas.register(me, T0);
            // as ReplicaSources attaches them, reaching the owner through a client that finds its process gone
            core.sources().addKind(info -> replicas.ownerOf(info.operationId()).filter(owner -> !owner.equals(node))
                    .flatMap(replicas::find).map(owner -> new OwnerProgressSource(info.operationId(), owner, me,
                            replicas, store, url -> new RefusingOwner(), () -> null,
                            () -> core.sources().remove(info.operationId()), settings, clock)));
            runner = new OperationRunner(core.lifecycle(), core.sources(), settings, new OperationLogs(store, settings));
            OperationResumes resumes = new OperationResumes(core.lifecycle(), List.of(new Training()));
            core.operations().resumeLostWith(new LostWork(resumes, new LostHosts(resumes, core.lifecycle(),
                    new InMemoryRemoteMappingStore(store), List.of())));
        }

        /** A training that continues after its checkpoint, as the real one does. */
        private final class Training implements ResumableWork {
            @Override
            public OperationType type() {
                return OperationType.TRAINING;
            }

            @Override
            public boolean resumeAtStartup() {
                return true;
            }

            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public boolean runsHere(OperationInfo operation) {
                return true;
            }

            /** Read just before the claim: each claimer waits here for the other, so both claim attempt 1. */
            @Override
            public OptionalInt checkpointEpoch(OperationInfo operation) {
                try {
                    bothSawAttemptOne.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("the other replica never came to claim", e);
                }
                return OptionalInt.of(CHECKPOINT);
            }

            @Override
            public void run(OperationInfo resumed) {
                runs.incrementAndGet();
                runner.submit(resumed, new TestBridge(), bridge -> {
                    for (int epoch = CHECKPOINT + 1; epoch <= EPOCHS; epoch++) {
                        bridge.epoch(epoch, EPOCHS, 1.0 / epoch);
                    }
                    return Map.of("epochs", EPOCHS);
                });
            }
        }
    }
}

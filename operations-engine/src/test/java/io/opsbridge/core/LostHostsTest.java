package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.lifecycle.HostPlacement;
import io.opsbridge.core.lifecycle.HostResumableWork;
import io.opsbridge.core.lifecycle.LostHosts;
import io.opsbridge.core.lifecycle.LostWork;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.store.InMemoryOperationStore;
import io.opsbridge.core.store.InMemoryRemoteMappingStore;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A training on a worker host that is lost (silent past the fail-after, found on a read), or that
 * failed there, resumes on another host only where one is ready: nothing is claimed while no host
 * could take it, and a cancel between the claim and the placement wins (the run placed is withdrawn,
 * the record stays cancelled and never moves). Two fake hosts behind the engine's own proxies.
 */
class LostHostsTest {

    private static final Duration FAIL_AFTER = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final RemoteMappingStore mappings = new InMemoryRemoteMappingStore(store);
    private final FakeHost lost = new FakeHost("host_training_s1", "http://gpu-1:8081");
    private final FakeHost spare = new FakeHost("host_training_s2", "http://gpu-2:8081");
    private final OperationsCore core = TestCores.core(store, TestCores.trainingStalls(ServiceFixture.TTL,
            Duration.ofMinutes(1), FAIL_AFTER), ticker, clock).mappings(mappings)
            .proxies(url -> url.equals(lost.url()) ? lost.proxy() : spare.proxy()).build();
    private final Hosts hosts = new Hosts();
    private final OperationResumes resumes = new OperationResumes(core.lifecycle(), List.of(new Training()));
    private String id;

    @BeforeEach
    void runningOnAHostThatDies() {
        LostHosts onHosts = new LostHosts(resumes, core.lifecycle(), mappings, List.of(hosts));
        resumes.resumeOnHostsWith(onHosts);
        core.operations().resumeLostWith(new LostWork(resumes, onHosts));
        id = core.lifecycle().create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", lost.url(), "s1", Map.of("seed", 3))).operationId();
        core.sources().register(id, core.hosts().source(id, lost.url(), "host_training_s1"));
        core.lifecycle().start(id);
        lost.epoch(1, 5);
        core.operations().get(id, true);
        lost.down(true);
        core.operations().get(id, true); // the first call it does not answer: quiet from here
    }

    @Test
    void aLostHostsTrainingWithNoHostReadyIsNotClaimedAndFailsAsBefore() {
        hosts.ready = false;

        OperationInfo read = readAfter(FAIL_AFTER.plusSeconds(1));

        assertThat(read.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(read.errorMessage()).contains("gpu-1");
        assertThat(read.attempts().count()).as("no attempt 2 listed for work with nowhere to go").isEqualTo(1);
        assertThat(hosts.placed).isEmpty();
    }

    @Test
    void aLostHostsTrainingResumesOnTheReadyHostAsAttemptTwo() {
        OperationInfo read = readAfter(FAIL_AFTER.plusSeconds(1));

        assertThat(read.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(read.attempts().count()).isEqualTo(2);
        assertThat(read.attempts().current().runsOn()).isEqualTo(spare.url());
        assertThat(read.metadata().hostOperationId()).isEqualTo("host_training_s2");
        assertThat(mappings.find(id).orElseThrow().hostOperationId()).isEqualTo("host_training_s2");
    }

    @Test
    void aCancelBetweenTheClaimAndThePlacementWinsAndTheRunPlacedIsWithdrawn() {
        hosts.beforePlacing = resumed -> core.lifecycle().cancel(resumed.operationId());

        OperationInfo read = readAfter(FAIL_AFTER.plusSeconds(1));

        assertThat(read.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(store.require(id).status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(hosts.withdrawn).as("the run placed on gpu-2 is cancelled there").containsExactly("host_training_s2");
        assertThat(store.require(id).metadata().hostOperationId()).as("the record never moved")
                .isEqualTo("host_training_s1");
        assertThat(store.require(id).resultSummary()).isNull();
    }

    @Test
    void anOperatorResumesAFailedHostTrainingOnAReadyHostOrIsToldWhyNot() {
        OperationInfo failed = readAfter(FAIL_AFTER.plusSeconds(1)); // the first loss: resumed on gpu-2 ...
        core.lifecycle().fail(failed.operationId(), "host unreachable: gpu-2 has not answered"); // ... which fails too
        hosts.ready = false;

        assertThatThrownBy(() -> resumes.resume(id)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no training host is ready to take it now");
        assertThat(store.require(id).status()).isEqualTo(OperationStatus.FAILED);

        hosts.ready = true;
        OperationInfo resumed = resumes.resume(id);

        assertThat(resumed.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(resumed.attempts().count()).isEqualTo(3);
        assertThat(resumed.attempts().current().previousEnded()).isEqualTo("failed: host unreachable: gpu-2 has not answered");
        assertThat(resumed.attempts().current().fromEpoch()).isEqualTo(Training.CHECKPOINT);
        assertThat(resumed.metadata().hostOperationId()).isEqualTo("host_training_s2");
        assertThat(core.sources().registered(id)).as("followed on its new host").isPresent();
    }

    @Test
    void aHostsDeterministicFailureIsKeptOnTheRecordAndNeitherClaimedNorResumed() {
        lost.down(false);
        lost.failRepeating("training diverged: loss is NaN at epoch 2");

        OperationInfo failed = core.operations().get(id, true);

        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.progress().context()).containsEntry(ProgressContext.FAILURE_REPEATS, true);
        assertThat(store.require(id).progress().context()).containsEntry(ProgressContext.FAILURE_REPEATS, true);
        lost.down(true);
        assertThat(readAfter(FAIL_AFTER.plusSeconds(1)).status()).isEqualTo(OperationStatus.FAILED);
        assertThatThrownBy(() -> resumes.resume(id)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("failed for a reason a new attempt would meet again (training diverged");
        assertThat(hosts.placed).as("never placed again").isEmpty();
        assertThat(store.require(id).attempts().count()).isEqualTo(1);
    }

    @Test
    void anOutcomeThatRepeatsIsMarkedAsALocalFailureIsEvenWhenTheHostsProgressWasNotCopied() {
        // as an engine that reads how the host ended elsewhere (a Kubernetes Job's terminal record) gives it
        core.lifecycle().finish(id, new HostOutcome(OperationStatus.FAILED, null, null, "invalid data: bar 7", true));

        assertThat(ProgressContext.failureRepeats(store.require(id).progress())).isTrue();
        assertThatThrownBy(() -> resumes.resume(id)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("failed for a reason a new attempt would meet again (invalid data: bar 7)");
    }

    @Test
    void aHostAttemptThatStartedOverReplacesTheStoredMetricsOnce() {
        assertThat(readAfter(FAIL_AFTER.plusSeconds(1)).attempts().count()).isEqualTo(2); // on gpu-2 now
        spare.startOver(); // the dataset changed: gpu-2 refused the checkpoint of epoch 1
        spare.epoch(1, 5, 0.9);
        spare.epoch(2, 5, 0.8);

        core.operations().get(id, true);

        assertThat(core.operations().metrics(id, 0).metrics()).as("gpu-1's epoch 1 was trained on other data")
                .containsExactly(Map.of("epoch", 1, "loss", 0.9), Map.of("epoch", 2, "loss", 0.8));
        spare.epoch(3, 5, 0.7);
        core.operations().get(id, true);
        assertThat(core.operations().metrics(id, 0).metrics()).as("replaced once, then continued")
                .extracting(m -> m.get("loss")).containsExactly(0.9, 0.8, 0.7);
    }

    private OperationInfo readAfter(Duration later) {
        clock.advance(later);
        ticker.advance(ServiceFixture.TTL.plusMillis(1));
        return core.operations().get(id, false);
    }

    /** Places on gpu-2 (the spare) when ready; records what it placed and withdrew. */
    private final class Hosts implements HostResumableWork {
        volatile boolean ready = true;
        volatile Consumer<OperationInfo> beforePlacing = resumed -> { };
        final List<String> placed = new CopyOnWriteArrayList<>();
        final List<String> withdrawn = new CopyOnWriteArrayList<>();

        @Override
        public OperationType type() {
            return OperationType.TRAINING;
        }

        @Override
        public boolean anyHostReady() {
            return ready;
        }

        @Override
        public HostPlacement place(OperationInfo resumed) {
            beforePlacing.accept(resumed);
            placed.add("host_training_s2");
            return new HostPlacement(spare.url(), "host_training_s2", "s2");
        }

        @Override
        public void withdraw(String operationId, HostPlacement placement) {
            withdrawn.add(placement.hostOperationId());
        }
    }

    /** The training's rules: resume on, three attempts, a checkpoint at epoch 1; it runs on hosts only. */
    private static final class Training implements ResumableWork {
        static final int CHECKPOINT = 1;

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
            return 3;
        }

        @Override
        public boolean runsHere(OperationInfo operation) {
            return false;
        }

        @Override
        public OptionalInt checkpointEpoch(OperationInfo operation) {
            return OptionalInt.of(CHECKPOINT);
        }

        @Override
        public void run(OperationInfo resumed) {
            throw new AssertionError("a host training never runs here");
        }
    }
}

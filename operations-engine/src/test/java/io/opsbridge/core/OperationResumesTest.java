package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.recovery.StartupRecovery;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's resume: a failed training runs again as a new attempt of the same operation, from
 * its checkpoint, with its metrics and log going on where they ended; and everything that must not
 * resume is refused, saying why.
 */
class OperationResumesTest {

    private static final int EPOCHS = 5;

    private final ServiceFixture fixture = new ServiceFixture();
    private final Settings settings = TestCores.settings(Map.of("opsbridge.operations.worker-threads", "1"));
    private final OperationRunner runner = new OperationRunner(fixture.lifecycle, fixture.sources, settings,
            new OperationLogs(fixture.store, settings));
    private final FakeTraining training = new FakeTraining();
    private final OperationResumes resumes = new OperationResumes(fixture.lifecycle, List.of(training));

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void aFailedTrainingResumesFromItsCheckpointAndEachEpochIsListedOnce() {
        training.failAfterEpoch = 3;
        String id = startTraining();
        OperationInfo failed = awaitStatus(id, OperationStatus.FAILED);
        assertThat(failed.attempts().count()).isEqualTo(1);
        training.checkpoint = 2; // epoch 3 was reported, but only 2 was saved: 3 is done again
        training.failAfterEpoch = 0;

        OperationInfo resumed = resumes.resume(id);

        assertThat(resumed.status()).isIn(OperationStatus.RUNNING, OperationStatus.COMPLETED);
        assertThat(resumed.version()).isGreaterThan(failed.version());
        OperationInfo done = awaitStatus(id, OperationStatus.COMPLETED);
        assertThat(done.errorMessage()).isNull();
        assertThat(done.completedAt()).isAfterOrEqualTo(resumed.updatedAt());
        assertThat(fixture.operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch"))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(done.metricsCount()).isEqualTo(EPOCHS);
        OperationAttempt second = done.attempts().items().get(1);
        assertThat(done.attempts().count()).isEqualTo(2);
        assertThat(second.fromEpoch()).isEqualTo(2);
        assertThat(second.previousEnded()).isEqualTo("failed: epoch 3 went wrong");
        assertThat(second.place()).isEqualTo(OperationAttempt.REPLICA);
        assertThat(done.attempts().resumedNote()).isEqualTo("resumed from epoch 2 (attempt 2)");
        List<String> log = fixture.store.log(id, 0, 100).lines().stream().map(l -> l.message()).toList();
        assertThat(log).containsSubsequence("failed: epoch 3 went wrong",
                "resumed from epoch 2 (attempt 2); the previous attempt ended: failed: epoch 3 went wrong", "completed");
        assertThat(fixture.store.log(id, 0, 100).lines()).extracting(l -> l.seq())
                .as("the log goes on after the lines stored before: each position once")
                .doesNotHaveDuplicates().isSorted();
    }

    @Test
    void whatCannotResumeIsA409ThatSaysWhy() {
        String completed = startTraining();
        awaitStatus(completed, OperationStatus.COMPLETED);
        assertRefused(completed, "has completed");

        String cancelled = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.cancel(cancelled);
        assertRefused(cancelled, "was cancelled: a cancelled operation never resumes");

        String running = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.start(running);
        assertRefused(running, "is running: only a failed training resumes");

        String load = fixture.created(OperationType.DATA_LOADING);
        fixture.lifecycle.start(load);
        fixture.lifecycle.fail(load, "source down");
        assertRefused(load, "is a data_loading operation: only trainings resume");

        training.checkpoint = 0;
        String early = failedTraining("no data yet", false);
        assertRefused(early, "has no checkpoint to resume from");

        training.checkpoint = 2;
        String repeats = failedTraining("bad bar in AAPL", true);
        assertRefused(repeats, "failed for a reason a new attempt would meet again (bad bar in AAPL)");

        assertThatThrownBy(() -> resumes.resume("op_training_unknown")).isInstanceOf(OperationNotFoundException.class);
    }

    @Test
    void aTrainingThatUsedUpItsAttemptsStaysFailedListingThem() {
        training.maxAttempts = 2;
        training.checkpoint = 1;
        training.failAfterEpoch = 2;
        String id = startTraining();
        awaitStatus(id, OperationStatus.FAILED);
        resumes.resume(id);
        await().until(() -> fixture.operations.get(id, true).attempts().count() == 2
                && fixture.operations.get(id, true).status() == OperationStatus.FAILED);

        assertRefused(id, "has had 2 attempts, the most opsbridge.training.max-attempts allows (2)");
        OperationInfo failed = fixture.operations.get(id, true);
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.attempts().items()).extracting(OperationAttempt::attempt).containsExactly(1, 2);
    }

    @Test
    void aCancelDuringTheResumeWinsAndTheWorkNeverRuns() {
        training.checkpoint = 1;
        String id = failedTraining("host lost", false);
        training.beforeRun = resumed -> fixture.lifecycle.cancel(resumed.operationId());
        int runsBefore = training.runs.get();

        OperationInfo answer = resumes.resume(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> runner.capacity().running() == 0
                && runner.capacity().queued() == 0);
        assertThat(answer.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(fixture.operations.get(id, true).status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(training.runs.get()).as("the job never ran").isEqualTo(runsBefore);
        assertThat(fixture.sources.registered(id)).isEmpty();
        assertRefused(id, "was cancelled");
    }

    @Test
    void aLateHostAnswerAfterTheFailureLeavesTheOperationFailed() {
        String id = failedTraining("host unreachable: gpu-1 has not answered for 5s", false);

        OperationInfo after = fixture.lifecycle.finish(id, new HostOutcome(OperationStatus.COMPLETED,
                ServiceFixture.START, Map.of("model_version", "late"), null));

        assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(after.resultSummary()).isNull();
        assertThat(fixture.operations.get(id, true).status()).isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void anInterruptedTrainingResumesWithoutPassingThroughFailed() {
        String id = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.start(id); // as a process that died left it: running, its worker gone
        training.checkpoint = 3;
        List<OperationStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.lifecycle.addChangeListener(changed -> seen.add(fixture.store.require(changed).status()));

        OperationInfo resumed = resumes.resumeInterrupted(fixture.operations.get(id, true),
                "interrupted: process restarted").orElseThrow();

        assertThat(resumed.attempts().count()).isEqualTo(2);
        assertThat(resumed.attempts().current().previousEnded()).isEqualTo("interrupted: process restarted");
        awaitStatus(id, OperationStatus.COMPLETED);
        assertThat(seen).doesNotContain(OperationStatus.FAILED);
        assertThat(fixture.operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(4, 5);
    }

    @Test
    void aRunningTrainingStoredBeforeAttemptsWereKeptResumesAsItsSecondAttempt() {
        String id = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.start(id);
        // as a record written before V58 reads: running, no attempts listed
        fixture.store.update(id, op -> op.withAttempts(io.opsbridge.api.OperationAttempts.NONE));
        training.checkpoint = 3;

        OperationInfo resumed = resumes.resumeInterrupted(fixture.store.require(id), "interrupted: process restarted")
                .orElseThrow();

        assertThat(resumed.attempts().items()).extracting(OperationAttempt::attempt).containsExactly(1, 2);
        assertThat(resumed.progress().context()).containsEntry("resumed", "resumed from epoch 3 (attempt 2)");
        awaitStatus(id, OperationStatus.COMPLETED);
        assertThat(fixture.operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(4, 5);
    }

    @Test
    void aTrainingLeftPendingByAStopIsStartedAtStartupAsItsFirstAttempt() {
        String id = fixture.created(OperationType.TRAINING); // accepted, never taken by a worker, then the stop
        List<OperationStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.lifecycle.addChangeListener(changed -> seen.add(fixture.store.require(changed).status()));

        int failed = new StartupRecovery(fixture.store, fixture.lifecycle, resumes, settings).recover();

        assertThat(failed).isZero();
        OperationInfo done = awaitStatus(id, OperationStatus.COMPLETED);
        assertThat(done.attempts().items()).extracting(OperationAttempt::attempt).containsExactly(1);
        assertThat(done.attempts().current().previousEnded()).isNull();
        assertThat(fixture.operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch"))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(seen).doesNotContain(OperationStatus.FAILED);
    }

    private void assertRefused(String id, String why) {
        OperationInfo before = fixture.operations.get(id, true);
        assertThatThrownBy(() -> resumes.resume(id)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(why);
        assertThat(fixture.operations.get(id, true).version()).isEqualTo(before.version());
    }

    private String startTraining() {
        OperationInfo created = fixture.lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());
        training.run(created);
        return created.operationId();
    }

    private String failedTraining(String error, boolean repeats) {
        String id = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.start(id);
        fixture.lifecycle.fail(id, error, repeats);
        return id;
    }

    private OperationInfo awaitStatus(String id, OperationStatus status) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> fixture.operations.get(id, true).status() == status);
        return fixture.operations.get(id, true);
    }

    /** A training of {@value #EPOCHS} epochs that continues after its checkpoint, as the real one does. */
    private final class FakeTraining implements ResumableWork {
        volatile int checkpoint;
        volatile int failAfterEpoch;
        volatile int maxAttempts = 3;
        volatile Consumer<OperationInfo> beforeRun = resumed -> { };
        final AtomicInteger runs = new AtomicInteger();

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

        @Override
        public OptionalInt checkpointEpoch(OperationInfo operation) {
            return checkpoint == 0 ? OptionalInt.empty() : OptionalInt.of(checkpoint);
        }

        @Override
        public void run(OperationInfo record) {
            beforeRun.accept(record);
            int from = record.attempts().count() > 1 ? checkpoint : 0;
            int failAt = failAfterEpoch;
            runner.submit(record, new TestBridge(), bridge -> {
                runs.incrementAndGet();
                for (int epoch = from + 1; epoch <= EPOCHS; epoch++) {
                    bridge.epoch(epoch, EPOCHS, 1.0 / epoch);
                    if (epoch == failAt) {
                        throw new IllegalStateException("epoch " + epoch + " went wrong");
                    }
                }
                return Map.of("epochs", EPOCHS);
            });
        }
    }
}

package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.follow.ProgressContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Resumes interrupted work as a new attempt of the same operation: an operator's resume of a failed
 * training ({@code POST /api/v1/operations/{id}/resume}, the one {@code failed -> running} change) and
 * a restarted process's resume of the trainings it left running, or a replica's of those whose owner
 * replica a read found lost (both never through {@code failed}).
 * Each claims the next attempt with one conditional update ({@code OperationStore#claimAttempt}, on
 * owner + attempt), so of two processes that try, one resumes; then the type's {@link ResumableWork}
 * queues the work. A cancel during a resume wins: the worker then never starts, nothing is registered.
 */
public class OperationResumes {

    private static final Logger LOG = Logger.getLogger(OperationResumes.class);

    private final Transitions transitions;
    private final OperationLifecycle lifecycle;
    private final Map<OperationType, ResumableWork> byType = new HashMap<>();
    /** Said once: each read finds an operation whose attempts are used up so until its fail-after. */
    private final WarnOnce warnings = new WarnOnce(LOG::warn);
    /** Where a failed host training resumes; null: nowhere (it is refused). */
    private volatile LostHosts hosts;
    /** Where a failed training of another engine resumes; null: on the host list, as before engines. */
    private volatile EngineResumes engine;

    public OperationResumes(OperationLifecycle lifecycle, List<ResumableWork> works) {
        this.lifecycle = lifecycle;
        this.transitions = lifecycle.transitions();
        works.forEach(work -> byType.put(work.type(), work));
    }

    /** A failed training that the engine {@code engine} ran resumes through it (e.g. as a new Kubernetes Job). */
    public void resumeOnEngineWith(EngineResumes engine) {
        this.engine = engine;
    }

    /** A failed training that ran on a worker host resumes on a ready host through {@code onHosts}. */
    public void resumeOnHostsWith(LostHosts onHosts) {
        this.hosts = onHosts;
    }

    /**
     * Resumes a failed training from its newest checkpoint, as its next attempt: here, or on a ready
     * worker host if it ran on one (same checkpoint key).
     *
     * @return the operation, running again
     * @throws IllegalTransitionException (409) saying why it cannot be resumed: it is cancelled,
     *     completed or running, is no training, failed for a reason a new attempt meets again, has had
     *     its most attempts, has no checkpoint, or ran on a host and no host is ready now
     * @throws io.opsbridge.core.OperationNotFoundException (404) for an unknown id
     */
    public OperationInfo resume(String operationId) {
        OperationInfo current = transitions.find(operationId);
        ResumableWork work = byType.get(current.operationType());
        if (work == null) {
            throw refused(operationId, "is a " + current.operationType().wireName() + " operation: only trainings resume");
        }
        switch (current.status()) {
            case CANCELLED -> throw refused(operationId, "was cancelled: a cancelled operation never resumes");
            case COMPLETED -> throw refused(operationId, "has completed: there is nothing to resume");
            case PENDING, RUNNING -> throw refused(operationId, "is " + current.status().wireName()
                    + ": only a failed training resumes");
            default -> { }
        }
        checkAttemptsLeft(current, work);
        if (ProgressContext.failureRepeats(current.progress())) {
            throw refused(operationId, "failed for a reason a new attempt would meet again (" + current.errorMessage()
                    + "): start a new training instead");
        }
        int from = work.checkpointEpoch(current).orElseThrow(() -> refused(operationId,
                "has no checkpoint to resume from (it failed before its first one was written): start a new training"));
        EngineResumes onEngine = engine;
        if (!work.runsHere(current) && onEngine != null && current.metadata() != null
                && onEngine.engine().equals(current.metadata().engine())) {
            OperationInfo resumed = claim(current, null, from, "failed: " + current.errorMessage(), OperationStatus.FAILED);
            try {
                return onEngine.place(resumed);
            } catch (RuntimeException e) {
                LOG.warnf("operation %s: attempt %d not placed: %s", operationId, resumed.attempts().count(), e.getMessage());
                return notStarted(resumed, "not placed: " + e.getMessage());
            }
        }
        if (!work.runsHere(current)) {
            LostHosts onHosts = hosts;
            if (onHosts == null || current.metadata() == null || !"host".equals(current.metadata().mode())) {
                throw refused(operationId, "ran where this process cannot run it again: start a new training");
            }
            OperationInfo resumed = onHosts.resumeFailed(current, from);
            LOG.infof("operation %s resumed by an operator from epoch %d on %s (attempt %d)", operationId, from,
                    resumed.metadata().hostServiceUrl(), resumed.attempts().count());
            return resumed;
        }
        OperationInfo resumed = claim(current, null, from, "failed: " + current.errorMessage(), OperationStatus.FAILED);
        LOG.infof("operation %s resumed by an operator from epoch %d (attempt %d)", operationId, from,
                resumed.attempts().count());
        return run(work, resumed);
    }

    /**
     * Resumes a training this process left running when it stopped, as its next attempt, without
     * passing through {@code failed}; empty if it is not to be resumed (no resumable type, resume
     * off, not this process's work, or its attempts used up): the caller then fails it as before.
     */
    public Optional<OperationInfo> resumeInterrupted(OperationInfo current, String why) {
        return resumeHere(current, transitions.store.ownerNode(), why, "was running when the process stopped");
    }

    /**
     * Starts a training this process had accepted but not started when it stopped (left {@code pending}:
     * no worker had taken it), as its first attempt; empty if it is not to be started (no resumable type,
     * resume off, not this process's work): the caller then fails it as before.
     */
    public Optional<OperationInfo> startPending(OperationInfo current) {
        ResumableWork work = byType.get(current.operationType());
        if (work == null || !work.resumeAtStartup() || current.status() != OperationStatus.PENDING
                || !work.runsHere(current)) {
            return Optional.empty();
        }
        LOG.infof("operation %s was pending when the process stopped: started now", current.operationId());
        return Optional.of(run(work, current));
    }

    /**
     * Resumes here, as its next attempt, a training whose owner replica {@code lostNode} a read found
     * lost (silent past the stall-after, or stopping): of the replicas that find it so, the one whose
     * conditional update on owner + attempt wins becomes its owner and runs it from the newest
     * checkpoint; it stays {@code running}. The others get the record as the winner left it (their
     * source of it is dropped, so their next read follows the new owner). Empty if it is not to be
     * resumed (resume off, not a local training, its attempts used up): it then fails at fail-after.
     */
    public Optional<OperationInfo> resumeFromLostOwner(OperationInfo seen, String lostNode) {
        OperationInfo current = transitions.find(seen.operationId());
        return resumeHere(current, lostNode, "replica " + lostNode + " lost", "its owner, replica " + lostNode
                + ", was lost");
    }

    /** The next attempt of a running {@code current} owned by {@code expectedOwner}, claimed and run here. */
    private Optional<OperationInfo> resumeHere(OperationInfo current, String expectedOwner, String why, String what) {
        ResumableWork work = byType.get(current.operationType());
        if (work == null || !work.resumeAtStartup() || current.status() != OperationStatus.RUNNING
                || !work.runsHere(current)) {
            return Optional.empty();
        }
        if (current.attempts().count() >= work.maxAttempts()) {
            warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", current.operationId(),
                    current.attempts().count(), work.maxAttempts());
            return Optional.empty();
        }
        int from = work.checkpointEpoch(current).orElse(0);
        try {
            OperationInfo resumed = claim(current, expectedOwner, from, why, OperationStatus.RUNNING);
            LOG.infof("operation %s %s: resumed here from epoch %d (attempt %d)", current.operationId(), what, from,
                    resumed.attempts().count());
            return Optional.of(run(work, resumed));
        } catch (IllegalTransitionException e) {
            LOG.infof("operation %s not resumed here: %s", current.operationId(), e.getMessage());
            transitions.sources.remove(current.operationId()); // followed where the winner runs it
            transitions.cache.invalidate(current.operationId());
            return Optional.of(transitions.find(current.operationId()));
        }
    }

    /**
     * The running {@code seen} goes on as its next attempt where its engine placed it anew without the
     * backend (a Kubernetes Job's replacement pod after a disruption), staying {@code running}: claimed on
     * the attempt, so of two replicas that see the new place one records it; then {@code moved} is
     * stored (where it runs now: metadata, the attempt's {@code runs_on}).
     *
     * @throws IllegalTransitionException if another replica recorded it first, or it is no longer running
     */
    public OperationInfo nextAttemptInPlace(OperationInfo seen, int fromEpoch, String previousEnded,
            UnaryOperator<OperationInfo> moved) {
        OperationInfo claimed = claim(seen, null, fromEpoch, previousEnded, OperationStatus.RUNNING);
        return transitions.changed(claimed.operationId(), moved);
    }

    /** Whether {@code operation} may have another attempt; the limit of its type, or 1 for a type that never resumes. */
    public int maxAttempts(OperationInfo operation) {
        ResumableWork work = byType.get(operation.operationType());
        return work == null ? 1 : work.maxAttempts();
    }

    private void checkAttemptsLeft(OperationInfo current, ResumableWork work) {
        if (current.attempts().count() >= work.maxAttempts()) {
            throw refused(current.operationId(), "has had " + current.attempts().count()
                    + " attempts, the most opsbridge.training.max-attempts allows (" + work.maxAttempts() + ")");
        }
    }

    /** The resumable work of {@code type}; null if it never resumes. */
    ResumableWork work(OperationType type) {
        return byType.get(type);
    }

    /** The conditional update of the next attempt: the status re-checked under the row's lock. */
    OperationInfo claim(OperationInfo seen, String expectedOwner, int fromEpoch, String previousEnded,
            OperationStatus expected) {
        int attempt = Math.max(1, seen.attempts().count());
        return transitions.claimed(seen.operationId(), expectedOwner, attempt, current -> {
            if (current.status() != expected) {
                throw refused(current.operationId(), "is " + current.status().wireName() + " now: not resumed");
            }
            Instant now = transitions.clock.instant();
            return StatusChange.resumed(current, StatusChange.attempt(current, attempt + 1, now, fromEpoch,
                    previousEnded, transitions.store.ownerNode()), now);
        });
    }

    /** Queues the new attempt (or a pending one's first); one that cannot start fails, saying why. */
    private OperationInfo run(ResumableWork work, OperationInfo resumed) {
        try {
            work.run(resumed);
            return transitions.find(resumed.operationId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "operation %s: attempt %d not started", resumed.operationId(), resumed.attempts().count());
            return notStarted(resumed, e.getMessage());
        }
    }

    /** The claimed attempt {@code resumed} could not start: failed, saying why (it stays resumable). */
    OperationInfo notStarted(OperationInfo resumed, String why) {
        try {
            int attempt = Math.max(1, resumed.attempts().count()); // a pending one's first
            return lifecycle.fail(resumed.operationId(), "attempt " + attempt + " not started: " + why);
        } catch (IllegalTransitionException ended) {
            return transitions.find(resumed.operationId()); // cancelled meanwhile: the cancel wins
        }
    }

    private static IllegalTransitionException refused(String operationId, String why) {
        return new IllegalTransitionException(operationId, why);
    }
}

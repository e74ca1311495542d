package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.follow.ProgressContext;
import java.time.Instant;
import java.util.Map;

/**
 * Builds the record of an operation in its next status, the only code that does: the transition
 * rule itself is {@link OperationStatus#canMoveTo}, checked here. Package-private on purpose:
 * everything that ends an operation goes through {@link OperationLifecycle}.
 */
final class StatusChange {

    private StatusChange() {
    }

    /**
     * {@code current} moved to {@code next} at {@code now}: started_at / completed_at as the status
     * implies, one version higher.
     *
     * @throws IllegalTransitionException if the rule forbids it
     */
    static OperationInfo apply(OperationInfo current, OperationStatus next, Instant now) {
        if (!current.status().canMoveTo(next)) {
            throw new IllegalTransitionException(current.operationId(), current.status(), next);
        }
        if (next == OperationStatus.CANCELLED && ProgressContext.completing(current.progress())) {
            throw new IllegalTransitionException(current.operationId(),
                    "has finished and its result is being recorded: it can no longer be cancelled");
        }
        Instant started = next == OperationStatus.RUNNING && current.startedAt() == null ? now : current.startedAt();
        Instant completed = next.isTerminal() ? now : current.completedAt();
        // a finished record keeps no completion claim
        boolean claimed = next.isTerminal() && ProgressContext.completing(current.progress());
        return new OperationInfo(current.operationId(), current.operationType(), next, current.createdAt(), started,
                now, completed, claimed ? ProgressContext.claimed(current.progress(), false) : current.progress(), current.metadata(), current.resultSummary(),
                current.errorMessage(), current.metricsCount(), current.version() + 1, current.attempts());
    }

    /**
     * {@code current} with its completion claimed at {@code now} (one version higher, still running):
     * the one winner of a completion's race with a cancel, or with another replica applying the same
     * host outcome, runs the completion hooks.
     *
     * @throws IllegalTransitionException if it cannot complete (cancelled meanwhile) or was claimed already
     */
    static OperationInfo claimCompletion(OperationInfo current, Instant now) {
        if (!current.status().canMoveTo(OperationStatus.COMPLETED)) {
            throw new IllegalTransitionException(current.operationId(), current.status(), OperationStatus.COMPLETED);
        }
        if (ProgressContext.completing(current.progress())) {
            throw new IllegalTransitionException(current.operationId(), "is being completed already");
        }
        return current.withProgress(ProgressContext.claimed(current.progress(), true), current.metricsCount(), now);
    }

    /**
     * The one {@code failed -> running} change, and the new attempt of a running operation whose work
     * was lost (its process restarted): {@code current} running again at attempt {@code next}, one
     * version higher, {@code completed_at} and {@code error_message} cleared, its progress saying it
     * resumed. {@link OperationStatus#canMoveTo} is not asked, on purpose: it stays false for
     * {@code failed -> running}, so no other change can revive a failed operation. The caller checks
     * the resume's rules first ({@link OperationResumes}).
     */
    static OperationInfo resumed(OperationInfo current, OperationAttempt next, Instant now) {
        OperationAttempts attempts = attemptsSoFar(current, next).plus(next);
        OperationProgress progress = ProgressContext.with(current.progress(), Map.of(ProgressContext.RESUMED,
                attempts.resumedNote()), ProgressContext.STALLED, ProgressContext.LAST_PROGRESS_AT,
                ProgressContext.OWNER_LOST, ProgressContext.COMPLETING, ProgressContext.FAILURE_REPEATS,
                ProgressContext.STARTED_OVER);
        return new OperationInfo(current.operationId(), current.operationType(), OperationStatus.RUNNING,
                current.createdAt(), current.startedAt() == null ? now : current.startedAt(), now, null, progress,
                current.metadata(), null, null, current.metricsCount(), current.version() + 1, attempts);
    }

    /**
     * The attempts {@code current} has had. A record stored before attempts were kept (V58), and still
     * running or failed, ran once: that run is listed as attempt 1 (where it ran is not known), so the
     * resume is attempt 2 everywhere (its note, the metrics that continue, the attempts left).
     */
    private static OperationAttempts attemptsSoFar(OperationInfo current, OperationAttempt next) {
        if (current.attempts().count() > 0) {
            return current.attempts();
        }
        Instant started = current.startedAt() != null ? current.startedAt() : current.createdAt();
        return OperationAttempts.NONE.plus(new OperationAttempt(1, started, next.place(), null, 0, null));
    }

    /** Attempt {@code number} of {@code info}, starting {@code now} where its metadata says it runs. */
    static OperationAttempt attempt(OperationInfo info, int number, Instant now, int fromEpoch, String previousEnded,
            String node) {
        boolean host = info.metadata() != null && "host".equals(info.metadata().mode());
        return new OperationAttempt(number, now, host ? OperationAttempt.HOST : OperationAttempt.REPLICA,
                host ? info.metadata().hostServiceUrl() : node, fromEpoch, previousEnded);
    }

    /**
     * {@code op} with {@code error}, and marked {@link ProgressContext#FAILURE_REPEATS} if it
     * {@code repeats}: how every failure that repeats is recorded, found here or on a host.
     */
    static OperationInfo withError(OperationInfo op, String error, boolean repeats) {
        return (repeats ? op.withProgress(ProgressContext.repeating(op.progress()), op.metricsCount(), op.updatedAt())
                : op).withError(error);
    }

    /** The same record, finished at {@code completedAt} (a host's own completion time) instead. */
    static OperationInfo completedAt(OperationInfo info, Instant completedAt) {
        return new OperationInfo(info.operationId(), info.operationType(), info.status(), info.createdAt(),
                info.startedAt(), info.updatedAt(), completedAt, info.progress(), info.metadata(),
                info.resultSummary(), info.errorMessage(), info.metricsCount(), info.version(), info.attempts());
    }
}

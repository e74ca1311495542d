package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.IllegalTransitionException;
import java.time.Instant;

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
        Instant started = next == OperationStatus.RUNNING && current.startedAt() == null ? now : current.startedAt();
        Instant completed = next.isTerminal() ? now : current.completedAt();
        return new OperationInfo(current.operationId(), current.operationType(), next, current.createdAt(), started,
                now, completed, current.progress(), current.metadata(), current.resultSummary(),
                current.errorMessage(), current.metricsCount(), current.version() + 1);
    }

    /** The same record, finished at {@code completedAt} (a host's own completion time) instead. */
    static OperationInfo completedAt(OperationInfo info, Instant completedAt) {
        return new OperationInfo(info.operationId(), info.operationType(), info.status(), info.createdAt(),
                info.startedAt(), info.updatedAt(), completedAt, info.progress(), info.metadata(),
                info.resultSummary(), info.errorMessage(), info.metricsCount(), info.version());
    }
}

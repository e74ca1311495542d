package io.opsbridge.core;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import java.time.Instant;

/** Test fixtures' records in any status (the application changes a status only through its lifecycle). */
public final class Records {

    private Records() {
    }

    /** {@code op} in {@code status} at {@code now}, started_at / completed_at as the status implies, unchecked. */
    public static OperationInfo inStatus(OperationInfo op, OperationStatus status, Instant now) {
        Instant started = status == OperationStatus.RUNNING && op.startedAt() == null ? now : op.startedAt();
        Instant completed = status.isTerminal() ? now : op.completedAt();
        return new OperationInfo(op.operationId(), op.operationType(), status, op.createdAt(), started, now, completed,
                op.progress(), op.metadata(), op.resultSummary(), op.errorMessage(), op.metricsCount(),
                op.version() + 1);
    }
}

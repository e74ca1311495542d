package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import java.time.Instant;
import java.util.Map;

/**
 * How an operation ended on its host, as a pull found it: the terminal status with the host's
 * completion time, its result summary (completed) or error (failed).
 *
 * @param repeats a failure the host marked {@link ProgressContext#FAILURE_REPEATS} (bad data, a
 *     diverged loss): the lifecycle marks the record alike, so it is never resumed or claimed again
 */
public record HostOutcome(OperationStatus status, Instant completedAt, Map<String, Object> result, String error,
        boolean repeats) {

    /** An outcome whose failure (if any) may not repeat. */
    public HostOutcome(OperationStatus status, Instant completedAt, Map<String, Object> result, String error) {
        this(status, completedAt, result, error, false);
    }

    /** How {@code host}, the host's own record, ended: with {@code result} if it completed; its failure's marker kept. */
    static HostOutcome of(OperationInfo host, Map<String, Object> result) {
        boolean failed = host.status() == OperationStatus.FAILED;
        return new HostOutcome(host.status(), host.completedAt(),
                host.status() == OperationStatus.COMPLETED ? result : null, failed ? host.errorMessage() : null,
                failed && ProgressContext.failureRepeats(host.progress()));
    }

    /** The host does not have the operation (never ran it, lost its store, or removed it): failed with that reason. */
    static HostOutcome lost(String error) {
        return new HostOutcome(OperationStatus.FAILED, null, null, error);
    }
}

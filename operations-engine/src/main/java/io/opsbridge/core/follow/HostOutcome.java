package io.opsbridge.core.follow;

import io.opsbridge.api.OperationStatus;
import java.time.Instant;
import java.util.Map;

/**
 * How an operation ended on its host, as a pull found it: the terminal status with the host's
 * completion time, its result summary (completed) or error (failed).
 */
public record HostOutcome(OperationStatus status, Instant completedAt, Map<String, Object> result, String error) {

    /** The host does not have the operation (never ran it, lost its store, or removed it): failed with that reason. */
    static HostOutcome lost(String error) {
        return new HostOutcome(OperationStatus.FAILED, null, null, error);
    }
}

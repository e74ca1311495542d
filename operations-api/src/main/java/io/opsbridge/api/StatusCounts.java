package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** How many operations a listing's filter matches in each status, whatever its own {@code status} filter. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusCounts(long pending, long running, long completed, long failed, long cancelled) {

    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0);

    /** From counts by status; a status missing from the map is zero. */
    public static StatusCounts of(Map<OperationStatus, Long> byStatus) {
        return new StatusCounts(get(byStatus, OperationStatus.PENDING), get(byStatus, OperationStatus.RUNNING),
                get(byStatus, OperationStatus.COMPLETED), get(byStatus, OperationStatus.FAILED),
                get(byStatus, OperationStatus.CANCELLED));
    }

    /** The count of one status. */
    public long of(OperationStatus status) {
        return switch (status) {
            case PENDING -> pending;
            case RUNNING -> running;
            case COMPLETED -> completed;
            case FAILED -> failed;
            case CANCELLED -> cancelled;
        };
    }

    /** Every status together. */
    public long sum() {
        return pending + running + completed + failed + cancelled;
    }

    private static long get(Map<OperationStatus, Long> byStatus, OperationStatus status) {
        Long n = byStatus.get(status);
        return n == null ? 0 : n;
    }
}

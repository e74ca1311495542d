package io.opsbridge.core.store;

import java.time.Instant;

/**
 * A backend operation whose work runs on a host: where the host is, the host's id for it, and how
 * far its metrics were copied. Kept in the database so any replica can follow the operation and a
 * restart resumes exactly where the last copy stopped.
 *
 * @param operationId       the backend's operation id
 * @param hostServiceUrl    base URL of the host's {@code /api/v1/operations}
 * @param hostOperationId   the host's id, e.g. {@code host_training_{session_id}}
 * @param hostMetricsCursor the host-side cursor up to which metrics are in the backend's store
 * @param createdAt         when the mapping was registered
 * @param lastContactAt     the last time the host answered, or null
 * @param unreachableSince  since when the host has not answered (cleared by an answer), or null
 */
public record RemoteMapping(
        String operationId,
        String hostServiceUrl,
        String hostOperationId,
        int hostMetricsCursor,
        Instant createdAt,
        Instant lastContactAt,
        Instant unreachableSince) {

    /** A fresh mapping, nothing copied yet. */
    public static RemoteMapping of(String operationId, String hostServiceUrl, String hostOperationId, Instant now) {
        return new RemoteMapping(operationId, hostServiceUrl, hostOperationId, 0, now, null, null);
    }
}

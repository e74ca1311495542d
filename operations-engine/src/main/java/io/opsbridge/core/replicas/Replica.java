package io.opsbridge.core.replicas;

import java.time.Duration;
import java.time.Instant;

/**
 * One replica as recorded in the {@code replicas} table: who it is, where it answers, its liveness
 * stamp, whether it is stopping, and what it serves (JSON the app writes, e.g. its model versions).
 */
public record Replica(String nodeId, String instanceId, String advertisedUrl, Instant startedAt, Instant heartbeatAt,
        String state, String servesJson) {

    /** Renewing its stamp. */
    public static final String RUNNING = "running";
    /** Received SIGTERM (a rolling deploy): its operations are not waited for. */
    public static final String STOPPING = "stopping";

    public boolean stopping() {
        return STOPPING.equals(state);
    }

    /** How long ago its stamp was renewed, at {@code now}. */
    public Duration silentFor(Instant now) {
        return heartbeatAt.isAfter(now) ? Duration.ZERO : Duration.between(heartbeatAt, now);
    }
}

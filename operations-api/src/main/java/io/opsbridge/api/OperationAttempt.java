package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One run of an operation's work. The first starts with the operation; each resume of an interrupted
 * training (a restart of its backend, an operator's resume) starts another, from its last checkpoint.
 *
 * @param attempt       1 for the first run, then 2, 3...
 * @param startedAt     when this attempt started
 * @param place         {@code replica} (a backend's own workers) or {@code host} (a worker host)
 * @param runsOn        the replica's node id, or the host's URL
 * @param fromEpoch     the last epoch done before it (the checkpoint it resumed from); 0 for a run from the start
 * @param previousEnded why the attempt before it ended; null for the first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationAttempt(int attempt, Instant startedAt, String place, String runsOn, int fromEpoch,
        String previousEnded) {

    /** Work run by a replica of the backend itself. */
    public static final String REPLICA = "replica";
    /** Work run by a worker host. */
    public static final String HOST = "host";
}

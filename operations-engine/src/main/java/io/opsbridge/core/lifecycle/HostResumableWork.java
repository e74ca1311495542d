package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;

/**
 * How work of one type that ran on a lost worker host starts again on another host, as a new attempt
 * of the same operation, from its checkpoint (the backend's operation id is the host's checkpoint key).
 * The rules (resume on, attempts left) are the type's {@link ResumableWork}'s; the training's is the
 * backend's {@code TrainingHostResumes}.
 */
public interface HostResumableWork {

    /** The operation type this is for. */
    OperationType type();

    /**
     * Whether a host answers now that could take a new attempt (it is ready); asked before the attempt
     * is claimed, so work with nowhere to go is never listed as a new attempt that then fails.
     */
    boolean anyHostReady();

    /**
     * Starts the work of {@code resumed} (already running at its new attempt) on the next reachable
     * host that takes it, and records nothing.
     *
     * @throws RuntimeException if no host took it (none reachable, all full, refused)
     */
    HostPlacement place(OperationInfo resumed);

    /**
     * Cancels the run {@link #place} started for {@code operationId} (it ended meanwhile: a cancel won),
     * so it registers nothing; a host that cannot be told is logged, never thrown.
     */
    void withdraw(String operationId, HostPlacement placed);
}

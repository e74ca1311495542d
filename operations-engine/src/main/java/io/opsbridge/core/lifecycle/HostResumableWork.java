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
     * Starts the work of {@code resumed} (already running at its new attempt) on the next reachable
     * host that takes it, and records nothing.
     *
     * @throws RuntimeException if no host took it (none reachable, all full, refused)
     */
    HostPlacement place(OperationInfo resumed);
}

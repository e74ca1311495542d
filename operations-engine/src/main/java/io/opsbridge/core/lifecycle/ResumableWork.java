package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import java.util.OptionalInt;

/**
 * How the work of one operation type runs again as a new attempt of the same operation, from its
 * last checkpoint: what {@link OperationResumes} needs of a type besides the lifecycle's rules. The
 * training's is {@code io.opsbridge.workloads.training.TrainingResumes}; a type without one never resumes.
 */
public interface ResumableWork {

    /** The operation type this is for. */
    OperationType type();

    /** Whether interrupted work of this type resumes at startup ({@code on}), or fails as it always did. */
    boolean resumeAtStartup();

    /** The most attempts one operation may have, the first included. */
    int maxAttempts();

    /** Whether this process can run {@code operation}'s work again (e.g. one of its own local trainings). */
    boolean runsHere(OperationInfo operation);

    /**
     * The last epoch saved in the newest valid checkpoint of {@code operation}; 0 if it has one that no
     * longer fits (the work starts over); empty if it has none.
     */
    OptionalInt checkpointEpoch(OperationInfo operation);

    /**
     * Queues the work of {@code resumed}, already running at its new attempt; returns at once. The work
     * resumes from the newest valid checkpoint (from the start if there is none).
     *
     * @throws io.opsbridge.core.CapacityExceededException if no worker can take it
     */
    void run(OperationInfo resumed);
}

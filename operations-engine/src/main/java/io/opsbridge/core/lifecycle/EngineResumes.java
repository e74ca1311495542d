package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;

/**
 * How a failed operation that an engine other than the host list ran (its {@code metadata.engine}, e.g.
 * {@code kubernetes}) starts again when an operator resumes it: the engine places the new attempt itself
 * (a new Kubernetes Job) and records where. Added by the application ({@link OperationResumes#resumeOnEngineWith}),
 * so this module knows no engine.
 */
public interface EngineResumes {

    /** The {@code metadata.engine} this places work for. */
    String engine();

    /**
     * Starts the work of {@code resumed} (already running at its new attempt, claimed) and returns the
     * record as it runs now.
     *
     * @throws RuntimeException if it could not be placed (the attempt then fails, saying why)
     */
    OperationInfo place(OperationInfo resumed);
}

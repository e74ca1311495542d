package io.opsbridge.workloads.training;

/** A model artifact that cannot be written, or read back into a working model. */
public class ModelArtifactException extends RuntimeException {

    public ModelArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}

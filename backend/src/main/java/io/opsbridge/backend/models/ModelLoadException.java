package io.opsbridge.backend.models;

/**
 * A model version could not be loaded or failed its smoke prediction (missing file, corrupt
 * weights, descriptor that does not match the features). The model that served before keeps
 * serving; answered with 409 and the cause.
 */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelLoadException(String message) {
        super(message);
    }
}

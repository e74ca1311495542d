package io.opsbridge.backend.models;

/** Nothing can be served yet: no model is loaded, or the registry is still starting. Answered with 503. */
public class NoModelLoadedException extends RuntimeException {

    public NoModelLoadedException(String message) {
        super(message);
    }
}

package io.opsbridge.backend.models;

/** No such strategy/version in the registry; answered with 404. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String strategy, String version) {
        super("no model " + strategy + "/" + version + " in the registry");
    }
}

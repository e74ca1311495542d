package io.opsbridge.backend.models;

/** No such strategy/version in the registry; answered with 404. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String strategy, String version) {
        super("no model " + strategy + "/" + version + " in the registry");
    }

    /** The strategy has no model at all. */
    public ModelNotFoundException(String strategy) {
        super("no model for strategy " + strategy + " in the registry; train one (POST /api/v1/trainings)");
    }
}

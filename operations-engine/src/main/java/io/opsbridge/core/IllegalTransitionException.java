package io.opsbridge.core;

import io.opsbridge.api.OperationStatus;

/** A status change that {@link OperationStatus#canMoveTo} refuses; answered with 409. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String operationId, OperationStatus from, OperationStatus to) {
        super("operation '" + operationId + "' is " + from.wireName() + " and cannot become " + to.wireName());
    }

    /** A change refused for a reason the status alone does not say, e.g. a completion already claimed. */
    public IllegalTransitionException(String operationId, String why) {
        super("operation '" + operationId + "' " + why);
    }
}

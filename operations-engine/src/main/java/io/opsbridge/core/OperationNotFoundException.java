package io.opsbridge.core;

/** No operation has this id; answered with 404. */
public class OperationNotFoundException extends RuntimeException {

    public OperationNotFoundException(String operationId) {
        super("operation '" + operationId + "' not found");
    }
}

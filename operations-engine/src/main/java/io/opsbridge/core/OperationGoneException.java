package io.opsbridge.core;

/**
 * The operation existed but was removed by retention; answered with 410 so a client can tell
 * "expired" from "never existed" (404).
 */
public class OperationGoneException extends OperationNotFoundException {

    public OperationGoneException(String operationId) {
        super(operationId);
    }

    @Override
    public String getMessage() {
        return super.getMessage().replace("not found", "was deleted by retention after it finished");
    }
}

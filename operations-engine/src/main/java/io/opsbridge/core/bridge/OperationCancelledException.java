package io.opsbridge.core.bridge;

/**
 * Thrown to a worker by its next progress write once the operation was cancelled, so the worker
 * stops at its next batch without polling a flag of its own.
 */
public class OperationCancelledException extends RuntimeException {

    public OperationCancelledException() {
        super("operation was cancelled", null, false, false);
    }
}

package io.opsbridge.core;

/** No worker can take the job now; answered with 503 and a Retry-After, never a hang. */
public class CapacityExceededException extends RuntimeException {

    public CapacityExceededException(String detail) {
        super(detail);
    }
}

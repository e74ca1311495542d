package io.opsbridge.core;

/** The request contradicts something already recorded (e.g. an Idempotency-Key reused with another body); 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}

package io.opsbridge.api;

/** A client's mistake in one named field; answered with 400 and a detail that names the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

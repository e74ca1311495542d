package io.opsbridge.cli.client;

/**
 * The server answered with an error. {@link #getMessage()} is one line a person can act on, built
 * from the {@code application/problem+json} body when there is one, e.g.
 * {@code 404 Operation not found: operation 'op_x' does not exist}.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}

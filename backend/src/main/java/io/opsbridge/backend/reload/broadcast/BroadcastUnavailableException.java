package io.opsbridge.backend.reload.broadcast;

/** The broadcast does not run on this replica (no Redis, or no secret), or Redis did not answer: a 503. */
public class BroadcastUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BroadcastUnavailableException(String reason) {
        super("the reload broadcast is not running here: " + reason);
    }
}

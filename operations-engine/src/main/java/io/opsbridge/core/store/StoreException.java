package io.opsbridge.core.store;

/** The database failed; nothing a client did, so it is answered as a server error and logged. */
public class StoreException extends RuntimeException {

    public StoreException(Throwable cause) {
        super("operation store failure: " + cause.getMessage(), cause);
    }
}

package io.opsbridge.backend.models.store;

import java.sql.SQLException;

/** The registry database failed; answered with 503 and Retry-After (the detail names no database internals). */
public class RegistryStoreException extends RuntimeException {

    public RegistryStoreException(SQLException cause) {
        super("model registry database error: " + cause.getMessage(), cause);
    }
}

package io.opsbridge.backend.models.store;

import java.sql.SQLException;

/** The registry database failed; a server fault, answered with 500. */
public class RegistryStoreException extends RuntimeException {

    public RegistryStoreException(SQLException cause) {
        super("model registry database error: " + cause.getMessage(), cause);
    }
}

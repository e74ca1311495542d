package io.opsbridge.server.security;

/** No active token with this id; answered with 404. */
public class TokenNotFoundException extends RuntimeException {

    public TokenNotFoundException(String id) {
        super("no active token '" + id + "'");
    }
}

package io.opsbridge.server.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where token hashes are kept: the database in the backend, memory in a process without one. */
public interface ApiTokenStore {

    void insert(ApiToken token, String secretHash);

    /** The token with this id and its secret's hash, if it exists and is not revoked. */
    Optional<Stored> findActive(String id);

    List<ApiToken> list();

    /** @return whether an active token with this id was revoked now */
    boolean revoke(String id, Instant at);

    /** Whether any active admin token exists (the first start creates one otherwise). */
    boolean hasActiveAdmin();

    /** Whether tokens survive a restart (only then is a generated admin token worth writing to a file). */
    boolean isDurable();

    /** A token with the hash to check a presented secret against. */
    record Stored(ApiToken token, String secretHash) {
    }
}

package io.opsbridge.server.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A bearer API token as listed: never its secret, which exists only in the client's hands (the
 * store keeps a SHA-256 hash of it).
 *
 * @param id        public part of the token ({@code obt_<id>_<secret>}), names it in the audit trail
 * @param name      what the token is for, e.g. {@code ci-deploy}
 * @param revokedAt null while the token is valid
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiToken(String id, String name, String role, Instant createdAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}

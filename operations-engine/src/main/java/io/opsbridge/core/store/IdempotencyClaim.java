package io.opsbridge.core.store;

import java.time.Duration;
import java.time.Instant;

/**
 * One use of an {@code Idempotency-Key}: the digest of the request it came with and, once the work
 * was started, the operation it started ({@code null} while the claimant is still starting it).
 */
public record IdempotencyClaim(String key, String requestDigest, String operationId, Instant claimedAt,
        Instant expiresAt) {

    /** A new claim, before any work was started. */
    public static IdempotencyClaim starting(String key, String requestDigest, Instant now, Instant expiresAt) {
        return new IdempotencyClaim(key, requestDigest, null, now, expiresAt);
    }

    public boolean started() {
        return operationId != null;
    }

    /**
     * Whether this claim no longer holds its key at {@code now}: it expired, or its claimant never
     * recorded an operation within {@code startTimeout} (the process died while starting).
     */
    public boolean lapsed(Instant now, Duration startTimeout) {
        return !expiresAt.isAfter(now) || (!started() && !claimedAt.plus(startTimeout).isAfter(now));
    }

    IdempotencyClaim withOperation(String id) {
        return new IdempotencyClaim(key, requestDigest, id, claimedAt, expiresAt);
    }
}

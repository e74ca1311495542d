package io.opsbridge.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@code Idempotency-Key} claims live. A claim is taken atomically: of any number of
 * concurrent claimants of one key (threads or replicas on one database) exactly one wins and starts
 * the work; the others get the winner's claim and wait for its operation id.
 */
public interface IdempotencyKeyStore {

    /**
     * A claimant that recorded no operation within this time died while starting: its claim lapses
     * so a retry can start the work. Longer than any start takes (a host start times out sooner).
     */
    Duration START_TIMEOUT = Duration.ofMinutes(1);

    /**
     * Takes the key for {@code claim} unless a claim that has not {@linkplain IdempotencyClaim#lapsed
     * lapsed} holds it.
     *
     * @return empty if this call took the key (the caller starts the work), else the claim that holds it
     */
    Optional<IdempotencyClaim> claim(IdempotencyClaim claim);

    /** Records the operation the winner of {@code key} started. */
    void recordOperation(String key, String operationId);

    /** Gives up a claim whose start failed, so that a retry starts again. */
    void release(String key);

    /** Retention: forgets keys that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}

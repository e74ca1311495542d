package io.opsbridge.core.store;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The process-local {@link IdempotencyKeyStore} beside an {@link InMemoryOperationStore}: gone when the process stops. */
@ApplicationScoped
@DefaultBean
public class InMemoryIdempotencyKeyStore implements IdempotencyKeyStore {

    private final Map<String, IdempotencyClaim> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyClaim> claim(IdempotencyClaim claim) {
        IdempotencyClaim holder = claims.compute(claim.key(), (key, current) ->
                current == null || current.lapsed(claim.claimedAt(), START_TIMEOUT) ? claim : current);
        return holder == claim ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public void recordOperation(String key, String operationId) {
        claims.computeIfPresent(key, (k, claim) -> claim.withOperation(operationId));
    }

    @Override
    public void release(String key) {
        claims.computeIfPresent(key, (k, claim) -> claim.started() ? claim : null);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = claims.size();
        claims.values().removeIf(claim -> !claim.expiresAt().isAfter(now));
        return before - claims.size();
    }
}

package io.opsbridge.core.run;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.settings.OperationsConfig;
import io.opsbridge.core.store.IdempotencyClaim;
import io.opsbridge.core.store.IdempotencyKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes starting work safe to retry: a request that repeats an {@code Idempotency-Key} gets the
 * operation the first request started, instead of a second job — also after a restart and on
 * another replica, because the keys are claimed in the {@link IdempotencyKeyStore} (the database
 * in the backend) and kept for {@code opsbridge.operations.idempotency-key-ttl}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The longest key accepted (the column's width); a longer one is a 400. */
    public static final int MAX_KEY_LENGTH = 255;

    /** How long a retry waits for a concurrent first request (maybe on another replica) to record its operation. */
    private static final Duration WAIT_FOR_START = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final OperationsService operations;
    private final IdempotencyKeyStore store;
    private final Duration keyTtl;
    private final Clock clock;

    @Inject
    public IdempotencyKeys(OperationsService operations, IdempotencyKeyStore store, OperationsConfig config) {
        this(operations, store, config.idempotencyKeyTtl(), Clock.systemUTC());
    }

    public IdempotencyKeys(OperationsService operations, IdempotencyKeyStore store, Duration keyTtl, Clock clock) {
        this.operations = operations;
        this.store = store;
        this.keyTtl = keyTtl;
        this.clock = clock;
    }

    /**
     * Starts the work once per key. Requests are the same if their JSON is (a record's is).
     *
     * @param key the client's Idempotency-Key, or null to always start
     * @throws ConflictException if the key was used before with a different request, or its first
     *         request is still starting after {@link #WAIT_FOR_START}
     * @throws InvalidRequestException if the key is longer than {@link #MAX_KEY_LENGTH}
     */
    public OperationInfo startOnce(String key, Object request, Supplier<OperationInfo> start) {
        if (key == null || key.isBlank()) {
            return start.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String digest = RequestDigest.of(request);
        Instant deadline = clock.instant().plus(WAIT_FOR_START);
        while (true) {
            Instant now = clock.instant();
            Optional<IdempotencyClaim> holder = store.claim(IdempotencyClaim.starting(key, digest, now, now.plus(keyTtl)));
            if (holder.isEmpty()) {
                return startClaimed(key, start);
            }
            if (!holder.get().requestDigest().equals(digest)) {
                throw new ConflictException("Idempotency-Key '" + key + "' was already used with a different request");
            }
            if (holder.get().started()) {
                return operations.get(holder.get().operationId(), false);
            }
            if (!now.isBefore(deadline)) {
                throw new ConflictException("Idempotency-Key '" + key + "': the first request with it is still"
                        + " starting; retry shortly");
            }
            pause();
        }
    }

    private OperationInfo startClaimed(String key, Supplier<OperationInfo> start) {
        OperationInfo started;
        try {
            started = start.get();
        } catch (RuntimeException | Error e) {
            store.release(key); // nothing was started: a retry may start it
            throw e;
        }
        store.recordOperation(key, started.operationId());
        return operations.get(started.operationId(), false);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent start", e);
        }
    }
}

package io.opsbridge.core.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.settings.OperationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes starting work safe to retry: a request that repeats an {@code Idempotency-Key} gets the
 * operation the first request started, instead of a second job.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private record Remembered(Object request, String operationId) {
    }

    private final OperationsService operations;
    private final Cache<String, Remembered> keys;

    @Inject
    public IdempotencyKeys(OperationsService operations, OperationsConfig config) {
        this(operations, config.idempotencyKeyTtl());
    }

    public IdempotencyKeys(OperationsService operations, Duration keyTtl) {
        this.operations = operations;
        this.keys = Caffeine.newBuilder().expireAfterWrite(keyTtl).maximumSize(100_000).build();
    }

    /**
     * Starts the work once per key. {@code request} must implement {@code equals} (a record does).
     *
     * @param key the client's Idempotency-Key, or null to always start
     * @throws ConflictException if the key was used before with a different request
     */
    public OperationInfo startOnce(String key, Object request, Supplier<OperationInfo> start) {
        if (key == null || key.isBlank()) {
            return start.get();
        }
        Remembered remembered = keys.asMap().compute(key, (k, previous) -> previous != null
                ? previous
                : new Remembered(request, start.get().operationId()));
        if (!remembered.request().equals(request)) {
            throw new ConflictException("Idempotency-Key '" + key + "' was already used with a different request");
        }
        return operations.get(remembered.operationId(), false);
    }
}

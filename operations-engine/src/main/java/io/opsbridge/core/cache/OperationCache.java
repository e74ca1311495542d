package io.opsbridge.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.settings.Settings;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The short-lived copies of operation records that let any number of clients share one read of a
 * running operation per TTL ({@code opsbridge.operations.cache-ttl}). Concurrent misses of one id
 * cause one load (Caffeine's per-key single flight). A new TTL in the settings is applied in place
 * ({@code policy().expireAfterWrite().setExpiresAfter}), also to copies already cached.
 */
public final class OperationCache {

    private final Cache<String, OperationInfo> cache;
    private final Settings settings;

    public OperationCache(Settings settings, Ticker ticker) {
        this.settings = settings;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.current().operations().cacheTtl())
                .maximumSize(settings.current().operations().cacheMaxSize())
                .ticker(ticker)
                .build();
        settings.observe((previous, current, diff) -> applyTtl(current.operations().cacheTtl()));
    }

    /** The cached copy, or what {@code loader} reads if there is none younger than the TTL. */
    public OperationInfo get(String operationId, Function<String, OperationInfo> loader) {
        return cache.get(operationId, loader);
    }

    /** The cached copy younger than the TTL, or null; never loads, never blocks (the event loop's read). */
    public OperationInfo peek(String operationId) {
        return cache.getIfPresent(operationId);
    }

    /**
     * Always reads through {@code loader} and caches the result. Computed, not loaded-then-put: a
     * status change that invalidates meanwhile waits for it, so a copy read before the change is
     * never cached after it.
     */
    public OperationInfo refresh(String operationId, Function<String, OperationInfo> loader) {
        return cache.asMap().compute(operationId, (id, cached) -> loader.apply(id));
    }

    /**
     * Caches {@code info}, read outside {@link #refresh}'s compute, unless the copy cached is as new
     * or {@code stillFollowed} (asked inside the compute) says the operation's source is gone: a
     * status change forgets the source before it invalidates, so a copy read before the change is
     * never cached after it. May wait for a load of the same id: not for the event loop.
     */
    public void offer(String operationId, OperationInfo info, BooleanSupplier stillFollowed) {
        OperationInfo cached = cache.getIfPresent(operationId);
        if (cached != null && cached.version() >= info.version()) {
            return;
        }
        cache.asMap().compute(operationId, (id, current) ->
                (current != null && current.version() >= info.version()) || !stillFollowed.getAsBoolean() ? current : info);
    }

    /** Drops the copy; never a put: a put could land after a later change and bring back an old status. */
    public void invalidate(String operationId) {
        cache.invalidate(operationId);
    }

    /** The TTL in force, e.g. for {@code Retry-After}. */
    public Duration ttl() {
        return settings.current().operations().cacheTtl();
    }

    private void applyTtl(Duration ttl) {
        cache.policy().expireAfterWrite().ifPresent(expiry -> expiry.setExpiresAfter(ttl));
    }
}

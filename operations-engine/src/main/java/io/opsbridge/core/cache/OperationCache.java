package io.opsbridge.core.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.settings.Settings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The short-lived answers for operations that let any number of clients share one read of a
 * running operation per TTL ({@code opsbridge.operations.cache-ttl}). An entry is the read's stage:
 * while the read runs, every client that asks shares it (single flight); once complete, a hit
 * returns the very same completed stage and allocates nothing. A read that fails leaves nothing
 * behind (Caffeine drops failed stages). A new TTL in the settings is applied in place
 * ({@code policy().expireAfterWrite().setExpiresAfter}), also to answers already cached.
 *
 * <p>A status change {@link #invalidate invalidates}: a read started before it is dropped with
 * its entry (its own callers still get it), so an answer read before a change is never cached after it.
 */
public final class OperationCache {

    private final AsyncCache<String, OperationInfo> cache;
    private final Settings settings;

    public OperationCache(Settings settings, Ticker ticker) {
        this.settings = settings;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.current().operations().cacheTtl())
                .maximumSize(settings.current().operations().cacheMaxSize())
                .ticker(ticker)
                // Caffeine's default, the common pool, is one thread per task on a machine of 2 cores (its
                // parallelism is 1): every forced read started 2 threads. Its work here is a few map updates.
                .executor(Runnable::run)
                .buildAsync();
        settings.observe((previous, current, diff) -> applyTtl(current.operations().cacheTtl()));
    }

    /**
     * The cached answer younger than the TTL, complete or still being read, or null; never loads,
     * never blocks, allocates nothing (the event loop's read).
     */
    public CompletableFuture<OperationInfo> peek(String operationId) {
        return cache.getIfPresent(operationId);
    }

    /**
     * The cached answer, or the one {@code read} starts, cached from now on. {@code read} must only
     * start the read (its work runs on an executor), never finish it on the calling thread: it is
     * called while the entry is being created.
     */
    public CompletableFuture<OperationInfo> get(String operationId,
            Function<String, CompletableFuture<OperationInfo>> read) {
        return cache.get(operationId, (id, executor) -> read.apply(id));
    }

    /** Caches the answer {@code read} starts in place of any, whatever its age: a forced read. */
    public CompletableFuture<OperationInfo> replace(String operationId,
            Function<String, CompletableFuture<OperationInfo>> read) {
        // the entry is in place before the read starts, so a status change meanwhile drops it
        CompletableFuture<OperationInfo> answer = new CompletableFuture<>();
        cache.put(operationId, answer);
        read.apply(operationId).whenComplete((info, error) -> {
            if (error == null) {
                answer.complete(info);
            } else {
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }

    /**
     * Caches {@code info}, read outside this cache (a long-poll's answer), unless the answer cached
     * is as new or {@code stillFollowed} (asked inside the entry's compute) says the operation's
     * source is gone: a status change forgets the source before it invalidates, so a copy read
     * before the change is never cached after it. May wait for an entry being created: not for the event loop.
     */
    public void offer(String operationId, OperationInfo info, BooleanSupplier stillFollowed) {
        if (isAsNew(cache.getIfPresent(operationId), info)) {
            return;
        }
        cache.asMap().compute(operationId, (id, current) -> isAsNew(current, info) || !stillFollowed.getAsBoolean()
                ? current : CompletableFuture.completedFuture(info));
    }

    /** Drops the answer; never a put: a put could land after a later change and bring back an old status. */
    public void invalidate(String operationId) {
        cache.synchronous().invalidate(operationId);
    }

    /** The TTL in force, e.g. for {@code Retry-After}. */
    public Duration ttl() {
        return settings.current().operations().cacheTtl();
    }

    private static boolean isAsNew(CompletableFuture<OperationInfo> cached, OperationInfo info) {
        if (cached == null || !cached.isDone() || cached.isCompletedExceptionally()) {
            return false;
        }
        return cached.join().version() >= info.version();
    }

    private void applyTtl(Duration ttl) {
        cache.synchronous().policy().expireAfterWrite().ifPresent(expiry -> expiry.setExpiresAfter(ttl));
    }
}

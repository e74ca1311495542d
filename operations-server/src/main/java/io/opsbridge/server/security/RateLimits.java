package io.opsbridge.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.opsbridge.core.monitoring.Monitoring;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Per-caller token buckets (Bucket4j), one per caller and kind, kept in a Caffeine cache that forgets
 * a caller idle for ten minutes. SmallRye Fault Tolerance's {@code @RateLimit} counts per method,
 * so one noisy client would lock everyone out; this keys by caller. Limits are per replica.
 *
 * <pre>{@code
 * rateLimits.check(RateLimited.Kind.ADMIN, "token:abc"); // or RateLimitExceededException (429)
 * }</pre>
 */
@ApplicationScoped
public class RateLimits {

    private final SecurityConfig config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public RateLimits(SecurityConfig config) {
        this.config = config;
    }

    /** Takes one call from the caller's bucket of this kind. @throws RateLimitExceededException when empty */
    public void check(RateLimited.Kind kind, String caller) {
        Bucket bucket = buckets.get(kind + "|" + caller, key -> newBucket(kind));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            String name = kind == RateLimited.Kind.ADMIN ? "admin" : "start";
            Monitoring.monitor().rateLimited(name);
            throw new RateLimitExceededException(name,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket(RateLimited.Kind kind) {
        SecurityConfig.Limit limit = kind == RateLimited.Kind.ADMIN ? config.adminRateLimit() : config.startsRateLimit();
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(1, limit.refillPeriod()))
                .build();
    }
}

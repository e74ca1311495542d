package io.opsbridge.backend.reload.broadcast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The reload broadcast over Redis Pub/Sub (docs/replicas.md). It runs only when
 * {@code quarkus.redis.hosts} is set, and then only with a secret (or an explicit allow-unsigned).
 */
@ConfigMapping(prefix = "opsbridge.broadcast")
public interface BroadcastConfig {

    /** The Pub/Sub channel every replica publishes and subscribes to. */
    @WithDefault("opsbridge:reload")
    String channel();

    /** The shared HMAC-SHA256 secret (env {@code OPSBRIDGE_BROADCAST_SECRET}); none: the broadcast does not start. */
    Optional<String> secret();

    /** The id of {@code secret}, sent as {@code key_id}. */
    @WithDefault("k1")
    String keyId();

    /** The secret being rotated out: still accepted, never used to sign. */
    Optional<String> previousSecret();

    /** The id of {@code previous-secret}. */
    Optional<String> previousKeyId();

    /** Run without a secret: messages unsigned and accepted unchecked. For a trusted test network only. */
    @WithDefault("false")
    boolean allowUnsigned();

    /** A message issued further than this from the receiver's clock is rejected as stale. */
    @WithDefault("60s")
    Duration maxSkew();

    /** The first reconnect delay; it doubles (with jitter) up to {@code backoff-max}, forever. */
    @WithDefault("500ms")
    Duration backoffInitial();

    /** The longest delay between two reconnect attempts. */
    @WithDefault("30s")
    Duration backoffMax();


    /** How often a settings message whose hash is not in the local file yet is retried before it is "pending". */
    @WithDefault("4")
    int settingsRetries();

    /** The first delay between those retries (doubling). */
    @WithDefault("250ms")
    Duration settingsRetryDelay();
}

package io.opsbridge.server.security;

import java.time.Duration;

/** A caller is over its rate limit; answered with 429 and {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(String what, Duration retryAfter) {
        super("too many " + what + " calls from this caller; retry in " + seconds(retryAfter) + "s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up and at least one: what {@code Retry-After} and the detail both say. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

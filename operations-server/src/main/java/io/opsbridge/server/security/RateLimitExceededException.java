package io.opsbridge.server.security;

import java.time.Duration;

/** A caller is over its rate limit; answered with 429 and {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(String what, Duration retryAfter) {
        super("too many " + what + " calls from this caller; retry in " + Math.max(1, retryAfter.toSeconds()) + "s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

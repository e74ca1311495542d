package io.opsbridge.cli.client;

import java.time.Duration;

/** An answer together with the server's {@code Retry-After} hint (when to ask again). */
public record Polled<T>(T value, Duration retryAfter) {
}

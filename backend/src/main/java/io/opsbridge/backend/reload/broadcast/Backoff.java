package io.opsbridge.backend.reload.broadcast;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the n-th delay is half of {@code min(max, initial·2ⁿ)}
 * plus a random part of the other half, so replicas that lost Redis together do not all come back
 * in the same millisecond. Not thread-safe: the subscriber's loop thread owns it.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    /** The delay before the next attempt; each call counts one more failure. */
    long nextMillis() {
        long ceiling = failures >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << failures);
        failures++;
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /** Failures since the last success. */
    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}

package io.opsbridge.core.lifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A warning about an operation said once, not on every read that finds the operation as it was: a
 * training whose attempts are used up, or whose lost host no other host can take, is found so by each
 * read until its fail-after (minutes), and its log line repeated as often. The same line is said again
 * after {@link #QUIET}, or once this process has said {@link #REMEMBERED} other lines since.
 */
final class WarnOnce {

    static final Duration QUIET = Duration.ofMinutes(10);
    private static final int REMEMBERED = 10_000;

    private final Consumer<String> log;
    private final Cache<String, Boolean> said;

    WarnOnce(Consumer<String> log) {
        this(log, Ticker.systemTicker());
    }

    WarnOnce(Consumer<String> log, Ticker ticker) {
        this.log = log;
        // no executor: the cache's upkeep is a few map updates, done by the caller (as OperationCache's)
        this.said = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(QUIET).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** Says {@code String.format(format, args)} unless this same line was said within {@link #QUIET}. */
    void warn(String format, Object... args) {
        String line = String.format(format, args);
        if (said.asMap().putIfAbsent(line, Boolean.TRUE) == null) {
            log.accept(line);
        }
    }
}

package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.OperationsConfig;
import io.opsbridge.core.settings.ProxyConfig;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.StallConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The engine's reloadable settings: cache TTL, worker pool, stall limits, persist interval, log size, proxy timeouts,
 * retention, long-poll interval.
 */
public final class CoreSettingsSection implements SettingsSection {

    static final Duration MIN_TTL = Duration.ofMillis(10);
    static final Duration MAX_TTL = Duration.ofHours(1);
    /** Past this, a waiting client would see a bar that jumps rather than moves. */
    static final Duration MAX_LONG_POLL_INTERVAL = Duration.ofSeconds(10);
    /** Each running operation holds this many lines in memory at most (about 100 bytes each, plus the text). */
    static final int MAX_LOG_LINES = 100_000;

    @Override
    public List<Class<?>> mappings() {
        return List.of(); // RuntimeSettings always has the engine's mappings
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of("opsbridge.operations.cache-ttl", "opsbridge.operations.worker-threads",
                "opsbridge.operations.queue-capacity",
                "opsbridge.stall.training.stall-after", "opsbridge.stall.training.fail-after",
                "opsbridge.stall.data-loading.stall-after", "opsbridge.stall.data-loading.fail-after",
                "opsbridge.stall.default.stall-after", "opsbridge.stall.default.fail-after",
                "opsbridge.store.progress-persist-interval", "opsbridge.store.log-max-lines",
                "opsbridge.store.retention.max-age",
                "opsbridge.store.tombstone-ttl", "opsbridge.proxy.connect-timeout", "opsbridge.proxy.read-timeout",
                "opsbridge.longpoll.min-interval");
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of("opsbridge.operations.cache-max-size", "opsbridge.operations.idempotency-key-ttl",
                "opsbridge.store.kind", "opsbridge.store.node-id", "opsbridge.store.retention.at-startup");
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        OperationsConfig operations = candidate.operations();
        Duration ttl = operations.cacheTtl();
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            errors.add("opsbridge.operations.cache-ttl must be between 10ms and 1h, was " + ttl);
        }
        if (operations.workerThreads() < 1) {
            errors.add("opsbridge.operations.worker-threads must be at least 1, was " + operations.workerThreads());
        }
        if (operations.queueCapacity() < 0) {
            errors.add("opsbridge.operations.queue-capacity must not be negative, was " + operations.queueCapacity());
        }
        StallConfig stall = candidate.section(StallConfig.class);
        stallRule(errors, "training", stall.training());
        stallRule(errors, "data-loading", stall.dataLoading());
        stallRule(errors, "default", stall.fallback());
        ProxyConfig proxy = candidate.proxy();
        positive(errors, "opsbridge.proxy.connect-timeout", proxy.connectTimeout());
        positive(errors, "opsbridge.proxy.read-timeout", proxy.readTimeout());
        positive(errors, "opsbridge.store.retention.max-age", candidate.store().retention().maxAge());
        positive(errors, "opsbridge.store.tombstone-ttl", candidate.store().tombstoneTtl());
        Duration wakeEvery = candidate.longPoll().minInterval();
        if (wakeEvery.isNegative() || wakeEvery.compareTo(MAX_LONG_POLL_INTERVAL) > 0) {
            errors.add("opsbridge.longpoll.min-interval must be between 0ms and 10s, was " + wakeEvery);
        }
        int logLines = candidate.store().logMaxLines();
        if (logLines < 10 || logLines > MAX_LOG_LINES) {
            errors.add("opsbridge.store.log-max-lines must be between 10 and " + MAX_LOG_LINES + ", was " + logLines);
        }
        if (candidate.store().progressPersistInterval().isNegative()) {
            errors.add("opsbridge.store.progress-persist-interval must not be negative");
        }
        return errors;
    }

    private static void stallRule(List<String> errors, String type, StallConfig.Limits limits) {
        Duration stall = limits.stallAfter();
        Duration fail = limits.failAfter();
        if (stall.isNegative() || fail.isNegative()) {
            errors.add("opsbridge.stall." + type + " limits must not be negative");
        } else if (!stall.isZero() && !fail.isZero() && stall.compareTo(fail) >= 0) {
            errors.add("opsbridge.stall." + type + ".stall-after (" + stall + ") must be less than fail-after ("
                    + fail + ")");
        }
    }

    /** For an application's rules too: {@code key} must be a positive duration. */
    public static void positive(List<String> errors, String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            errors.add(key + " must be positive, was " + value);
        }
    }

    /** For an application's rules: every entry must be an absolute http(s) URL. */
    public static void httpUrls(List<String> errors, String key, List<String> urls) {
        for (String url : urls) {
            try {
                java.net.URI uri = new java.net.URI(url.trim());
                String scheme = uri.getScheme();
                if (!uri.isAbsolute() || uri.getHost() == null
                        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                    errors.add(key + " must list absolute http(s) URLs, not '" + url + "'");
                }
            } catch (java.net.URISyntaxException e) {
                errors.add(key + " must list absolute http(s) URLs, not '" + url + "'");
            }
        }
    }
}

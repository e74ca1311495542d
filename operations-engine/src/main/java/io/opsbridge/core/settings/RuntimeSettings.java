package io.opsbridge.core.settings;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One immutable snapshot of the settings a running process may change without a restart. Every
 * component reads the snapshot where it uses a setting ({@code settings.current().operations().cacheTtl()}),
 * never a copy taken at construction, so a swapped snapshot takes effect at the next use.
 *
 * <p>The engine's own areas are typed accessors; an application's areas (models, routing) are
 * {@link #section} lookups of their {@code @ConfigMapping} interfaces.
 *
 * <pre>{@code
 * RuntimeSettings s = RuntimeSettings.of(Map.of("opsbridge.operations.cache-ttl", "250ms"));
 * }</pre>
 */
public final class RuntimeSettings {

    /** The engine's mapping interfaces, always part of a snapshot. */
    public static final List<Class<?>> CORE_SECTIONS = List.of(OperationsConfig.class, StallConfig.class,
            StoreConfig.class, ProxyConfig.class, LongPollConfig.class);

    private final long version;
    private final Origin origin;
    private final SmallRyeConfig config;
    private final OperationsConfig operations;
    private final StoreConfig store;
    private final ProxyConfig proxy;
    private final LongPollConfig longPoll;
    private final StallPolicy stalls;

    /**
     * Where a snapshot came from: the SHA-256 of its file ({@code null} for the startup
     * configuration), when it was applied and by which trigger ({@code startup}, {@code signal},
     * {@code watch}, {@code admin}...).
     */
    public record Origin(String sha256, java.time.Instant appliedAt, String trigger) {

        /** The application's own configuration at startup. */
        public static Origin startup() {
            return new Origin(null, java.time.Instant.now(), "startup");
        }
    }

    private RuntimeSettings(long version, Origin origin, SmallRyeConfig config) {
        this.version = version;
        this.origin = origin;
        this.config = config;
        this.operations = config.getConfigMapping(OperationsConfig.class);
        this.store = config.getConfigMapping(StoreConfig.class);
        this.proxy = config.getConfigMapping(ProxyConfig.class);
        this.longPoll = config.getConfigMapping(LongPollConfig.class);
        this.stalls = StallPolicy.from(config.getConfigMapping(StallConfig.class));
    }

    /** The snapshot of an already built configuration, e.g. the application's own at startup. */
    public static RuntimeSettings from(SmallRyeConfig config, long version) {
        return new RuntimeSettings(version, Origin.startup(), config);
    }

    /**
     * A snapshot of {@code properties} over the built-in defaults, with the engine's sections and
     * {@code sections}; for tests, and for a candidate file before it is applied.
     *
     * @throws io.smallrye.config.ConfigValidationException listing every bad or unknown value
     */
    public static RuntimeSettings of(Map<String, String> properties, Class<?>... sections) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "runtime-settings", 500))
                // durations as the application reads them: 1s, 200ms, PT1S
                .withConverter(Duration.class, 200, new DurationConverter());
        CORE_SECTIONS.forEach(builder::withMapping);
        for (Class<?> section : sections) {
            builder.withMapping(section);
        }
        return new RuntimeSettings(1, Origin.startup(), builder.build());
    }

    /** Increases with every applied snapshot. */
    public long version() {
        return version;
    }

    /** The same settings under another version number. */
    public RuntimeSettings withVersion(long next) {
        return new RuntimeSettings(next, origin, config);
    }

    /** The same settings with another origin. */
    public RuntimeSettings withOrigin(Origin next) {
        return new RuntimeSettings(version, next, config);
    }

    /** Where this snapshot came from. */
    public Origin origin() {
        return origin;
    }

    /** The raw value of {@code key} as this snapshot sees it (defaults included), or {@code null}. */
    public String value(String key) {
        return config.getConfigValue(key).getValue();
    }

    /**
     * The {@code opsbridge.*} keys this snapshot's sources set, with their values: what
     * {@link Settings#apply} diffs when no reload computed the diff over the reloadable keys.
     */
    public Map<String, String> values() {
        Map<String, String> values = new java.util.TreeMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith("opsbridge.")) {
                String value = value(key);
                if (value != null) {
                    values.put(key, value);
                }
            }
        }
        return values;
    }

    public OperationsConfig operations() {
        return operations;
    }

    public StoreConfig store() {
        return store;
    }

    public ProxyConfig proxy() {
        return proxy;
    }

    public LongPollConfig longPoll() {
        return longPoll;
    }

    /** Stall-after and fail-after per operation type, ready to ask. */
    public StallPolicy stalls() {
        return stalls;
    }

    /** An application's settings area, by its {@code @ConfigMapping} interface. */
    public <T> T section(Class<T> mapping) {
        return config.getConfigMapping(mapping);
    }
}

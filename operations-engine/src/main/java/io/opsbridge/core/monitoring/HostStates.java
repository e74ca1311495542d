package io.opsbridge.core.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last saw of each worker host: reachable or not, and the last error with its
 * time. Fed by every host call (through the monitor) and by readiness probes; read by the
 * reachability gauge and the readiness check.
 */
public final class HostStates {

    /** One host as last seen; {@code lastError} stays after the host answers again, to say what went wrong. */
    public record HostState(boolean reachable, Instant seenAt, String lastError, Instant lastErrorAt) {
    }

    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private final Clock clock;

    public HostStates(Clock clock) {
        this.clock = clock;
    }

    /** Records one contact with {@code host}; {@code error} is null when it answered as expected. */
    public void record(String host, boolean reachable, String error) {
        Instant now = clock.instant();
        hosts.compute(host, (url, before) -> error == null
                ? new HostState(reachable, now, before == null ? null : before.lastError(), before == null ? null : before.lastErrorAt())
                : new HostState(reachable, now, error, now));
    }

    /** The host as last seen, if it was ever contacted. */
    public Optional<HostState> of(String host) {
        return Optional.ofNullable(hosts.get(host));
    }

    /** Every host contacted so far. */
    public Map<String, HostState> all() {
        return Map.copyOf(hosts);
    }
}

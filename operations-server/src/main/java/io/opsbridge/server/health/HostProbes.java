package io.opsbridge.server.health;

import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.core.settings.Settings;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Probes worker hosts' readiness, all at once, each within the proxy's timeouts in force but at most
 * 2 s (readiness and an admin view must answer quickly). The probe of the connect timeout in force
 * is kept: an HTTP client per call would start a selector thread each time.
 */
@Singleton
public class HostProbes {

    private static final Duration MAX_PROBE = Duration.ofSeconds(2);

    private final Settings settings;
    private final HostStates states;
    private volatile HostProbe probe;

    public HostProbes(Settings settings, HostStates states) {
        this.settings = settings;
        this.states = states;
    }

    /** One result per host, in the order given. */
    public List<HostProbe.Result> probeAll(Collection<String> hosts) {
        var proxy = settings.current().proxy();
        Duration timeout = atMostMaxProbe(proxy.readTimeout());
        HostProbe current = probe(atMostMaxProbe(proxy.connectTimeout()));
        List<CompletableFuture<HostProbe.Result>> probes = new ArrayList<>();
        hosts.forEach(host -> probes.add(current.probe(host, timeout)));
        return probes.stream().map(CompletableFuture::join).toList();
    }

    private HostProbe probe(Duration connectTimeout) {
        HostProbe current = probe;
        if (current == null || !current.connectTimeout().equals(connectTimeout)) {
            current = new HostProbe(states, connectTimeout);
            probe = current;
        }
        return current;
    }

    private static Duration atMostMaxProbe(Duration timeout) {
        return timeout.compareTo(MAX_PROBE) > 0 ? MAX_PROBE : timeout;
    }
}

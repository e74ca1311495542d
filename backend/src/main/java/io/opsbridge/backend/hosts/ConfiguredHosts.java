package io.opsbridge.backend.hosts;

import io.opsbridge.backend.data.DataRoutingConfig;
import io.opsbridge.backend.training.TrainingRoutingConfig;
import io.opsbridge.core.hosts.RoutingConfig;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.settings.Settings;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker hosts this backend routes to, as the settings in force now name them
 * ({@code opsbridge.{data,training}.routing.hosts}): each normalised URL to its kind ({@code data},
 * {@code training}, or {@code data+training}), in configuration order.
 */
@Singleton
public class ConfiguredHosts {

    private final Settings settings;

    public ConfiguredHosts(Settings settings) {
        this.settings = settings;
    }

    public Map<String, String> now() {
        Map<String, String> hosts = new LinkedHashMap<>();
        add(hosts, "data", settings.current().section(DataRoutingConfig.class));
        add(hosts, "training", settings.current().section(TrainingRoutingConfig.class));
        return hosts;
    }

    private static void add(Map<String, String> hosts, String kind, RoutingConfig routing) {
        routing.hosts().orElse(List.of()).forEach(url -> hosts.merge(HostCalls.normalize(url), kind, (a, b) -> a + "+" + b));
    }
}

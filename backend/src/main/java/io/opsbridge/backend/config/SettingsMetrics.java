package io.opsbridge.backend.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.ReloadListener;
import jakarta.inject.Singleton;

/** {@code opsbridge_settings_reloads_total{outcome,trigger}} and {@code opsbridge_settings_version}. */
@Singleton
public class SettingsMetrics implements ReloadListener {

    private final MeterRegistry registry;

    public SettingsMetrics(MeterRegistry registry, Settings settings) {
        this.registry = registry;
        Gauge.builder("opsbridge.settings.version", settings, s -> s.current().version())
                .description("The version of the runtime settings in force").register(registry);
    }

    @Override
    public void reloaded(ReloadEvent event) {
        Counter.builder("opsbridge.settings.reloads").description("Runtime settings reloads by outcome and trigger")
                .tag("outcome", event.outcome().wire()).tag("trigger", event.trigger()).register(registry)
                .increment();
    }
}

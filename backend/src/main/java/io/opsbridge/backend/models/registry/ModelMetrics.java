package io.opsbridge.backend.models.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The model registry's series: {@code opsbridge_model_activations_total{strategy}} (a version made
 * active by an activation or brought into service by a reload on request, as told to the broadcast)
 * and {@code opsbridge_model_reloads_total{outcome=loaded|failed}} (every load into service here,
 * whatever asked for it: activation, reload call, broadcast, the background check or startup).
 */
@Singleton
public class ModelMetrics {

    private final MeterRegistry meters;

    public ModelMetrics(MeterRegistry meters, ModelRegistry registry) {
        this.meters = meters;
        FunctionCounter.builder("opsbridge.model.reloads", registry, ModelRegistry::reloads).tag("outcome", "loaded")
                .description("Models loaded into service here, by any trigger").register(meters);
        FunctionCounter.builder("opsbridge.model.reloads", registry, ModelRegistry::failedReloads)
                .tag("outcome", "failed").description("Model loads that failed (the previous model kept serving)")
                .register(meters);
        registry.onActivation(version -> activations(version.strategyName()).increment());
    }

    void start(@Observes StartupEvent event) {
        // observing startup builds this bean, so its meters are there from the first scrape
    }

    private Counter activations(String strategy) {
        return Counter.builder("opsbridge.model.activations").tag("strategy", strategy)
                .description("Model versions activated (or reloaded on request) here").register(meters);
    }
}

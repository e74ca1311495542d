package io.opsbridge.backend.config;

import io.opsbridge.backend.data.DataRoutingConfig;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.training.TrainingRoutingConfig;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.CoreSettingsSection;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backend's part of the runtime settings file: the model check interval and auto-activation,
 * and the training and data host lists and default modes (the work routers read them at each start).
 * The deprecated {@code opsbridge.training.hosts} / {@code default-mode} names work at startup only:
 * a file must use {@code opsbridge.training.routing.*}.
 */
@Singleton
public class BackendSettingsSection implements SettingsSection {

    @Override
    public List<Class<?>> mappings() {
        return List.of(ModelsConfig.class, TrainingRoutingConfig.class, DataRoutingConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of("opsbridge.models.reload-interval", "opsbridge.models.auto-activate",
                "opsbridge.training.routing.hosts", "opsbridge.training.routing.default-mode",
                "opsbridge.training.routing.engine",
                "opsbridge.data.routing.hosts", "opsbridge.data.routing.default-mode");
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of("opsbridge.models.strategy");
    }

    @Override
    public Set<String> restartOnlyKeys() {
        return Set.of("opsbridge.training.hosts", "opsbridge.training.default-mode");
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        CoreSettingsSection.positive(errors, "opsbridge.models.reload-interval",
                candidate.section(ModelsConfig.class).reloadInterval());
        CoreSettingsSection.httpUrls(errors, "opsbridge.training.routing.hosts",
                candidate.section(TrainingRoutingConfig.class).hosts().orElse(List.of()));
        String engine = candidate.section(TrainingRoutingConfig.class).engine();
        if (!List.of("hosts", "kubernetes").contains(engine)) {
            errors.add("opsbridge.training.routing.engine must be hosts or kubernetes, was '" + engine + "'");
        }
        CoreSettingsSection.httpUrls(errors, "opsbridge.data.routing.hosts",
                candidate.section(DataRoutingConfig.class).hosts().orElse(List.of()));
        return errors;
    }
}

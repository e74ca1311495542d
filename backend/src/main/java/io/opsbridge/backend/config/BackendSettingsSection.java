package io.opsbridge.backend.config;

import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.CoreSettingsSection;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backend's part of the runtime settings file: the model check interval and auto-activation.
 *
 * <p>The training and data host lists and default modes are refused as "needs a restart" for now:
 * the services still read them at construction. TODO once the {@code hosts} branch (routing read
 * from {@code Settings}, keys {@code opsbridge.training.routing.*}, {@code opsbridge.data.routing.*})
 * is merged: add {@code TrainingRoutingConfig} and {@code DataRoutingConfig} to {@link #mappings},
 * their keys to {@link #reloadableKeys}, and {@link CoreSettingsSection#httpUrls} on the host lists.
 */
@Singleton
public class BackendSettingsSection implements SettingsSection {

    @Override
    public List<Class<?>> mappings() {
        return List.of(ModelsConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of("opsbridge.models.reload-interval", "opsbridge.models.auto-activate");
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of("opsbridge.models.strategy");
    }

    @Override
    public Set<String> restartOnlyKeys() {
        return Set.of("opsbridge.training.hosts", "opsbridge.training.default-mode", "opsbridge.data.routing.hosts",
                "opsbridge.data.routing.default-mode");
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        CoreSettingsSection.positive(errors, "opsbridge.models.reload-interval",
                candidate.section(ModelsConfig.class).reloadInterval());
        return errors;
    }
}

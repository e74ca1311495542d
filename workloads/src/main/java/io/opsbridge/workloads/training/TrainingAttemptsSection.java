package io.opsbridge.workloads.training;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The training's resume settings in the runtime settings file; both apply at the next resume, no restart. */
@Singleton
public class TrainingAttemptsSection implements SettingsSection {

    static final String RESUME = "opsbridge.training.resume";
    static final String MAX_ATTEMPTS = "opsbridge.training.max-attempts";

    @Override
    public List<Class<?>> mappings() {
        return List.of(TrainingAttemptsConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of(RESUME, MAX_ATTEMPTS);
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of();
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        int max = candidate.section(TrainingAttemptsConfig.class).maxAttempts();
        if (max < 1) {
            errors.add(MAX_ATTEMPTS + " must be at least 1 (the first attempt), was " + max);
        }
        String resume = candidate.value(RESUME);
        if (resume != null && !resume.equalsIgnoreCase("on") && !resume.equalsIgnoreCase("off")) {
            errors.add(RESUME + " must be on or off, was '" + resume + "'");
        }
        return errors;
    }
}

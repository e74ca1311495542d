package io.opsbridge.workloads.training;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The training part of the runtime settings file: checkpoint frequency and how many are kept, whether
 * interrupted trainings resume at startup and how many attempts one may have.
 */
@Singleton
public class TrainingSettingsSection implements SettingsSection {

    static final String EVERY = "opsbridge.training.checkpoint-every";
    static final String KEEP = "opsbridge.training.checkpoint-keep";
    static final String RESUME = "opsbridge.training.resume";
    static final String MAX_ATTEMPTS = "opsbridge.training.max-attempts";

    @Override
    public List<Class<?>> mappings() {
        return List.of(TrainingCheckpointConfig.class, TrainingAttemptsConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of(EVERY, KEEP, RESUME, MAX_ATTEMPTS);
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of();
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        TrainingCheckpointConfig checkpoints = candidate.section(TrainingCheckpointConfig.class);
        if (checkpoints.checkpointEvery() < 1) {
            errors.add(EVERY + " must be at least 1, was " + checkpoints.checkpointEvery());
        }
        if (checkpoints.checkpointKeep() < 1) {
            errors.add(KEEP + " must be at least 1, was " + checkpoints.checkpointKeep());
        }
        int maxAttempts = candidate.section(TrainingAttemptsConfig.class).maxAttempts();
        if (maxAttempts < 1) {
            errors.add(MAX_ATTEMPTS + " must be at least 1 (the first attempt), was " + maxAttempts);
        }
        String resume = candidate.value(RESUME);
        if (resume != null && !resume.equalsIgnoreCase("on") && !resume.equalsIgnoreCase("off")) {
            errors.add(RESUME + " must be on or off, was '" + resume + "'");
        }
        return errors;
    }
}

package io.opsbridge.workloads.training;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The training part of the runtime settings file: checkpoint frequency and how many are kept. */
@Singleton
public class TrainingSettingsSection implements SettingsSection {

    static final String EVERY = "opsbridge.training.checkpoint-every";
    static final String KEEP = "opsbridge.training.checkpoint-keep";

    @Override
    public List<Class<?>> mappings() {
        return List.of(TrainingCheckpointConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of(EVERY, KEEP);
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
        return errors;
    }
}

package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.CandidateValidator;
import io.opsbridge.core.settings.reload.CoreSettingsSection;
import io.opsbridge.core.settings.reload.SettingsCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** checkpoint-every, checkpoint-keep, resume and max-attempts are runtime settings: reloadable, defaulted, checked. */
class TrainingSettingsSectionTest {

    private final SettingsCatalog catalog = new SettingsCatalog(List.of(new CoreSettingsSection(),
            new TrainingSettingsSection()));
    private final CandidateValidator validator = new CandidateValidator(catalog,
            RuntimeSettings.of(Map.of(), TrainingCheckpointConfig.class));

    @Test
    void defaultsAreEveryEpochAndTheLastTwo() {
        TrainingCheckpointConfig config = RuntimeSettings.of(Map.of(), TrainingCheckpointConfig.class)
                .section(TrainingCheckpointConfig.class);

        assertThat(config.checkpointEvery()).isEqualTo(1);
        assertThat(config.checkpointKeep()).isEqualTo(2);
    }

    @Test
    void aFileMayChangeBoth() {
        CandidateValidator.Result result = validator.validate(Map.of("opsbridge.training.checkpoint-every", "5",
                "opsbridge.training.checkpoint-keep", "3"));

        assertThat(result.errors()).isEmpty();
        TrainingCheckpointConfig config = result.candidate().section(TrainingCheckpointConfig.class);
        assertThat(config.checkpointEvery()).isEqualTo(5);
        assertThat(config.checkpointKeep()).isEqualTo(3);
    }

    @Test
    void zeroNegativeOrNotANumberIsRejectedNamingTheKey() {
        assertThat(validator.validate(Map.of("opsbridge.training.checkpoint-every", "0")).errors())
                .containsExactly("opsbridge.training.checkpoint-every must be at least 1, was 0");
        assertThat(validator.validate(Map.of("opsbridge.training.checkpoint-keep", "-1")).errors())
                .containsExactly("opsbridge.training.checkpoint-keep must be at least 1, was -1");
        assertThat(validator.validate(Map.of("opsbridge.training.checkpoint-keep", "two")).errors())
                .singleElement().asString().contains("opsbridge.training.checkpoint-keep");
    }

    @Test
    void interruptedTrainingsResumeByDefaultWithThreeAttemptsAndAFileMayChangeBoth() {
        TrainingAttemptsConfig defaults = RuntimeSettings.of(Map.of(), TrainingAttemptsConfig.class)
                .section(TrainingAttemptsConfig.class);
        assertThat(defaults.resume()).isTrue();
        assertThat(defaults.maxAttempts()).isEqualTo(3);

        CandidateValidator.Result result = validator.validate(Map.of("opsbridge.training.resume", "off",
                "opsbridge.training.max-attempts", "5"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.candidate().section(TrainingAttemptsConfig.class).resume()).isFalse();
        assertThat(result.candidate().section(TrainingAttemptsConfig.class).maxAttempts()).isEqualTo(5);
        assertThat(validator.validate(Map.of("opsbridge.training.max-attempts", "0")).errors())
                .containsExactly("opsbridge.training.max-attempts must be at least 1 (the first attempt), was 0");
        assertThat(validator.validate(Map.of("opsbridge.training.resume", "maybe")).errors())
                .containsExactly("opsbridge.training.resume must be on or off, was 'maybe'");
    }
}

package io.opsbridge.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.backend.config.BackendSettingsSection;
import io.opsbridge.backend.data.DataRoutingConfig;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.training.TrainingRoutingConfig;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.CandidateValidator;
import io.opsbridge.core.settings.reload.CoreSettingsSection;
import io.opsbridge.core.settings.reload.SettingsCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine and the opsbridge.kubernetes.* keys are runtime settings: reloadable, defaulted, checked naming the key. */
class KubernetesSettingsSectionTest {

    private final CandidateValidator validator = new CandidateValidator(new SettingsCatalog(List.of(
            new CoreSettingsSection(), new BackendSettingsSection(), new KubernetesSettingsSection())),
            RuntimeSettings.of(Map.of(), ModelsConfig.class, TrainingRoutingConfig.class, DataRoutingConfig.class,
                    KubernetesConfig.class));

    @Test
    void hostsIsTheDefaultEngineAndKubernetesDefaultsAreUsable() {
        RuntimeSettings defaults = RuntimeSettings.of(Map.of(), TrainingRoutingConfig.class, KubernetesConfig.class);

        assertThat(defaults.section(TrainingRoutingConfig.class).engine()).isEqualTo("hosts");
        KubernetesConfig k = defaults.section(KubernetesConfig.class);
        assertThat(k.image() + ":" + k.tag()).isEqualTo("opsbridge/training-host:latest");
        assertThat(k.grace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new KubernetesSettingsSection().check(defaults)).isEmpty();
    }

    @Test
    void aFileMaySwitchTheEngineAndSetEveryJobField() {
        CandidateValidator.Result result = validator.validate(Map.of("opsbridge.training.routing.engine", "kubernetes",
                "opsbridge.kubernetes.cpu-request", "500m", "opsbridge.kubernetes.memory-limit", "2Gi",
                "opsbridge.kubernetes.node-selector", "pool=train,zone=a",
                "opsbridge.kubernetes.tolerations", "gpu=true:NoSchedule,dedicated:NoExecute",
                "opsbridge.kubernetes.backoff-limit", "0", "opsbridge.kubernetes.grace", "5s"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.candidate().section(TrainingRoutingConfig.class).engine()).isEqualTo("kubernetes");
        assertThat(result.candidate().section(KubernetesConfig.class).nodeSelector()).contains(List.of("pool=train",
                "zone=a"));
    }

    @Test
    void badValuesAreRejectedNamingTheKey() {
        assertThat(validator.validate(Map.of("opsbridge.training.routing.engine", "swarm")).errors())
                .containsExactly("opsbridge.training.routing.engine must be hosts or kubernetes, was 'swarm'");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.cpu-request", "lots")).errors()).singleElement()
                .asString().startsWith("opsbridge.kubernetes.cpu-request must be a Kubernetes quantity");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.tolerations", "gpu=true:Sometimes")).errors())
                .singleElement().asString().startsWith("opsbridge.kubernetes.tolerations items are");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.node-selector", "pool")).errors()).singleElement()
                .asString().startsWith("opsbridge.kubernetes.node-selector items are key=value");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.namespace", "Team_A")).errors()).singleElement()
                .asString().startsWith("opsbridge.kubernetes.namespace must be a DNS-1123 label");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.pull-policy", "Sometimes")).errors())
                .singleElement().asString().startsWith("opsbridge.kubernetes.pull-policy must be");
        assertThat(validator.validate(Map.of("opsbridge.kubernetes.backoff-limit", "-1")).errors())
                .containsExactly("opsbridge.kubernetes.backoff-limit must not be negative, was -1");
    }
}

package io.opsbridge.backend.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.backend.kubernetes.KubernetesTrainings;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.hosts.WorkRouters;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mode a request runs in, and what is checked before it goes to a host. */
class TrainingRoutingTest {

    @TempDir
    Path dir;

    @Test
    void requestWithoutModeTakesTheConfiguredDefaultAndHostModeLeavesDataChecksToTheHost() {
        TrainingRequest valid = service("host", "http://gpu-1:8081/").validate(request(null));

        assertThat(valid.mode()).isEqualTo("host");
        assertThat(valid.symbols()).containsExactly("ZZZZ");
    }

    @Test
    void explicitLocalModeWinsOverTheDefaultAndChecksTheLocalData() {
        assertThatThrownBy(() -> service("host", "http://gpu-1:8081").validate(request("local")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("symbols"));
    }

    @Test
    void hostModeWithoutHostsIsNotConfigured() {
        assertThatThrownBy(() -> service("local").validate(request("host")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> service("host").validate(request(null)))
                .hasMessageContaining("not configured");
    }

    @Test
    void anUnknownStrategyIsRefusedListingTheKnownOnesUnlessTheRequestCreatesIt() {
        TrainingRequest typo = new TrainingRequest("mlp_directoin", List.of("zzzz"), "1h", 2, null, null, null,
                "host", null, null, null);
        assertThatThrownBy(() -> service("host", "http://gpu-1:8081").validate(typo))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("strategy"))
                .hasMessageContaining("unknown strategy 'mlp_directoin'; known: mlp_direction, momentum")
                .hasMessageContaining("\"new_strategy\": true");

        TrainingRequest created = new TrainingRequest("mlp_directoin", List.of("zzzz"), "1h", 2, null, null, null,
                "host", null, null, true);
        assertThat(service("host", "http://gpu-1:8081").validate(created).strategy()).isEqualTo("mlp_directoin");
    }

    @Test
    void hostModeOnTheKubernetesEngineNeedsNoHosts() {
        engine = "kubernetes";
        assertThat(service("host").validate(request(null)).mode()).isEqualTo("host");
    }

    private String engine = "hosts";

    private WorkRouter<TrainingRequest> service(String defaultMode, String... hosts) {
        Map<String, String> routing = new HashMap<>(Map.of("opsbridge.training.routing.default-mode", defaultMode,
                "opsbridge.training.routing.engine", engine));
        if (hosts.length > 0) {
            routing.put("opsbridge.training.routing.hosts", String.join(",", hosts));
        }
        Settings settings = new Settings(RuntimeSettings.of(routing, TrainingRoutingConfig.class));
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(dir, dir));
        // nothing here reaches a host or a worker: validation only
        return new TrainingBeans().trainings(new WorkRouters(settings, null, null, null), orchestrator,
                new TrainingJobs(orchestrator, null, settings), new KnownStrategies(() -> Set.of("mlp_direction", "momentum")),
                settings, new KubernetesTrainings(null, settings, null, null, null, null, null));
    }

    private static TrainingRequest request(String mode) {
        return new TrainingRequest(null, List.of("zzzz"), "1h", 2, null, null, null, mode, null, null, null);
    }
}

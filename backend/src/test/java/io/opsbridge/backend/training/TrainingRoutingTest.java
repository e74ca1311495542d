package io.opsbridge.backend.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    private TrainingService service(String defaultMode, String... hosts) {
        TrainingRoutingConfig routing = new TrainingRoutingConfig() {
            @Override
            public Optional<List<String>> hosts() {
                return hosts.length == 0 ? Optional.empty() : Optional.of(List.of(hosts));
            }

            @Override
            public String defaultMode() {
                return defaultMode;
            }
        };
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(dir, dir));
        return new TrainingService(orchestrator, null, null, new HostTrainingRouter(routing, null, null), routing);
    }

    private static TrainingRequest request(String mode) {
        return new TrainingRequest(null, List.of("zzzz"), "1h", 2, null, null, null, mode, null, null);
    }
}

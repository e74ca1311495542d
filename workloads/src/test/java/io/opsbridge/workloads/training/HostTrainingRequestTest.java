package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a backend posts to a training host: the training, its checkpoint key and the checkpoint settings. */
class HostTrainingRequestTest {

    private static final TrainingRequest TRAINING = new TrainingRequest("mlp_direction", List.of("AAPL"), "1h", 4, 32,
            0.01, 0.2, "local", 7L, true, false);

    @Test
    void theBackendSendsItsOperationIdAsTheKeyAndItsCurrentSettings() throws Exception {
        Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.training.checkpoint-every", "3"),
                TrainingCheckpointConfig.class));
        TrainingJobs jobs = new TrainingJobs(new TrainingOrchestrator(new TrainingSettings(Path.of("d"), Path.of("m"))),
                null, settings);

        Map<String, Object> body = new ObjectMapper().convertValue(jobs.forHost(TRAINING, "op_training_1"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });

        assertThat(body).containsEntry("checkpoint_key", "op_training_1").containsEntry("checkpoint_every", 3)
                .containsEntry("checkpoint_keep", 2).containsEntry("symbols", List.of("AAPL"))
                .containsEntry("batch_size", 32).containsEntry("seed", 7L).containsEntry("auto_activate", true);
    }

    @Test
    void carriesEveryFieldOfATrainingRequestUnchanged() {
        List<String> training = Arrays.stream(TrainingRequest.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<String> host = Arrays.stream(HostTrainingRequest.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(host).startsWith(training.toArray(String[]::new));
        assertThat(HostTrainingRequest.of(TRAINING, "k", 1, 1).training()).isEqualTo(TRAINING);
    }

    @Test
    void aHostRequestWithoutSeedGetsOneDrawnAndKeepsItsCheckpointFields() {
        HostTrainingRequest unseeded = HostTrainingRequest.of(TRAINING.withSeed(null), "op_1", 2, 3);

        HostTrainingRequest drawn = unseeded.reproducible();

        assertThat(drawn.seed()).isNotNull();
        assertThat(drawn.checkpointKey()).isEqualTo("op_1");
        assertThat(drawn.checkpointEvery()).isEqualTo(2);
        assertThat(drawn.checkpointKeep()).isEqualTo(3);
        assertThat(HostTrainingRequest.of(TRAINING, "op_1", 2, 3).reproducible().seed()).isEqualTo(7L);
    }

    @Test
    void aKeyThatIsNoDirectoryNameOrAFrequencyBelowOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> HostTrainingRequest.of(TRAINING, "../x", null, null).checkCheckpointFields())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("checkpoint_key"));
        assertThatThrownBy(() -> HostTrainingRequest.of(TRAINING, null, null, 0).checkCheckpointFields())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("checkpoint_keep"));
        assertThat(HostTrainingRequest.of(TRAINING, null, null, null).checkCheckpointFields().checkpointKey()).isNull();
    }
}

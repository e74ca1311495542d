package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingRequestTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsSnakeCaseJson() throws Exception {
        TrainingRequest r = json.readValue("""
                {"symbols": ["AAPL"], "timeframe": "4h", "epochs": 3, "batch_size": 16, "learning_rate": 0.01,
                 "validation_split": 0.25, "mode": "host", "seed": 7, "auto_activate": true}
                """, TrainingRequest.class);

        assertThat(r).isEqualTo(new TrainingRequest(null, List.of("AAPL"), "4h", 3, 16, 0.01, 0.25, "host", 7L, true, null));
        assertThat(json.writeValueAsString(r)).contains("\"batch_size\":16", "\"auto_activate\":true");
    }

    @Test
    void withDefaultsFillsMissingFieldsAndCleansSymbols() {
        TrainingRequest r = new TrainingRequest(null, Arrays.asList(" aapl", "MSFT", "AAPL"), null, null, null,
                null, null, null, null, null, null).withDefaults();

        assertThat(r.strategy()).isEqualTo("mlp_direction");
        assertThat(r.symbols()).containsExactly("AAPL", "MSFT");
        assertThat(r.timeframe()).isEqualTo("1h");
        assertThat(r.epochs()).isEqualTo(TrainingRequest.DEFAULT_EPOCHS);
        assertThat(r.batchSize()).isEqualTo(TrainingRequest.DEFAULT_BATCH_SIZE);
        assertThat(r.learningRate()).isEqualTo(TrainingRequest.DEFAULT_LEARNING_RATE);
        assertThat(r.validationSplit()).isEqualTo(0.2);
        assertThat(r.mode()).isEqualTo("local");
        assertThat(r.seed()).isNull();
        assertThat(r.autoActivate()).isNull();
    }

    @Test
    void withDefaultsKeepsGivenValues() {
        TrainingRequest given = new TrainingRequest("other", List.of("GOOG"), "1d", 5, 8, 0.5, 0.1, "host", 1L, false, null);

        assertThat(given.withDefaults()).isEqualTo(given);
    }

    @Test
    void aRequestWithoutSeedGetsOneDrawnThatItsParametersRecord() {
        TrainingRequest unseeded = TrainingRequest.of(List.of("AAPL"), "1h", 3);

        TrainingRequest first = unseeded.reproducible();
        TrainingRequest second = unseeded.reproducible();

        assertThat(first.seed()).isNotNull().isBetween(0L, TrainingRequest.MAX_DRAWN_SEED);
        assertThat(second.seed()).isNotEqualTo(first.seed());
        assertThat(first.toParameters()).containsEntry("seed", first.seed());
        assertThat(first.withSeed(null)).isEqualTo(unseeded);
        TrainingRequest seeded = unseeded.withSeed(7L);
        assertThat(seeded.reproducible()).isSameAs(seeded);
    }

    @Test
    void aRecordedRequestIsRebuiltAsItWasStartedForItsNextAttempt() {
        TrainingRequest started = new TrainingRequest("other", List.of("GOOG"), "1d", 5, 8, 0.5, 0.1, "local", 42L, false,
                null);
        io.opsbridge.api.OperationInfo record = io.opsbridge.api.OperationInfo.pending("op_training_1",
                io.opsbridge.api.OperationType.TRAINING, io.opsbridge.api.OperationMetadata.local(started.symbols(),
                        started.timeframe(), started.toParameters()), java.time.Instant.now());

        assertThat(TrainingResumes.requestOf(record)).isEqualTo(started);
    }
}

package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingRequestValidatorTest {

    @TempDir
    Path dataDir;
    private TrainingRequestValidator validator;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dataDir.resolve("AAPL_1h.csv"), "timestamp,open,high,low,close,volume\n");
        validator = new TrainingRequestValidator(new OhlcvCsvReader(dataDir));
    }

    @Test
    void acceptsAValidRequestAndAppliesDefaults() {
        TrainingRequest r = validator.validate(new TrainingRequest(null, List.of("aapl"), null, 2, null, null, null,
                null, null, null, null));

        assertThat(r.symbols()).containsExactly("AAPL");
        assertThat(r.batchSize()).isEqualTo(TrainingRequest.DEFAULT_BATCH_SIZE);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(request(List.of(), 2, 32, 0.01, 0.2, "local", "1h"), "symbols"),
                Arguments.of(request(List.of("AAPL"), 0, 32, 0.01, 0.2, "local", "1h"), "epochs"),
                Arguments.of(request(List.of("AAPL"), -3, 32, 0.01, 0.2, "local", "1h"), "epochs"),
                Arguments.of(request(List.of("AAPL"), 2, 0, 0.01, 0.2, "local", "1h"), "batch_size"),
                Arguments.of(request(List.of("AAPL"), 2, 32, 0.0, 0.2, "local", "1h"), "learning_rate"),
                Arguments.of(request(List.of("AAPL"), 2, 32, Double.NaN, 0.2, "local", "1h"), "learning_rate"),
                Arguments.of(request(List.of("AAPL"), 2, 32, 0.01, 1.0, "local", "1h"), "validation_split"),
                Arguments.of(request(List.of("AAPL"), 2, 32, 0.01, 0.2, "cloud", "1h"), "mode"),
                Arguments.of(request(List.of("AAPL"), 2, 32, 0.01, 0.2, "local", "1x"), "timeframe"),
                Arguments.of(request(List.of("MSFT"), 2, 32, 0.01, 0.2, "local", "1h"), "symbols"),
                Arguments.of(request(List.of("AAPL"), 2, 32, 0.01, 0.2, "local", "4h"), "symbols"),
                Arguments.of(request(List.of("../AAPL"), 2, 32, 0.01, 0.2, "local", "1h"), "symbols"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void rejectsWithTheFieldNamed(TrainingRequest request, String field) {
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void missingDatasetNamesSymbolAndTimeframe() {
        assertThatThrownBy(() -> validator.validate(request(List.of("MSFT"), 2, 32, 0.01, 0.2, "local", "1h")))
                .hasMessageContaining("dataset MSFT 1h was never loaded");
    }

    @Test
    void parametersAloneDoNotNeedTheDataFiles() {
        TrainingRequest r = validator.validateParameters(request(List.of("TSLA"), 2, 32, 0.01, 0.2, "host", "1h"));

        assertThat(r.symbols()).containsExactly("TSLA");
        assertThatThrownBy(() -> validator.validateParameters(request(List.of("TSLA"), 0, 32, 0.01, 0.2, "host", "1h")))
                .hasMessageStartingWith("epochs: ");
    }

    @Test
    void rejectsAStrategyThatIsNotAPlainName() {
        TrainingRequest r = new TrainingRequest("../evil", List.of("AAPL"), "1h", 1, 1, 0.1, 0.2, "local", null, null, null);

        assertThatThrownBy(() -> validator.validate(r))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("strategy"));
    }

    private static TrainingRequest request(List<String> symbols, int epochs, int batchSize, double lr, double split,
            String mode, String timeframe) {
        return new TrainingRequest(null, symbols, timeframe, epochs, batchSize, lr, split, mode, null, null, null);
    }
}

package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.StallPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationTypesTest {

    private static final OperationType BACKTEST = OperationType.of("backtest");

    @Test
    void aDeclaredTypeIsAcceptedByTheFilterAfterTheBuiltInOnes() {
        OperationTypes types = OperationTypes.with(List.of(BACKTEST));

        assertThat(types.all()).containsExactly(OperationType.TRAINING, OperationType.DATA_LOADING, BACKTEST);
        assertThat(types.parse("operation_type", " Backtest ")).isEqualTo(BACKTEST);
    }

    @Test
    void anUnknownFilterValueIsRefusedNamingEveryKnownType() {
        OperationTypes types = OperationTypes.with(List.of(BACKTEST));

        assertThatThrownBy(() -> types.parse("operation_type", "report"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("training, data_loading, backtest");
        assertThatThrownBy(() -> OperationTypes.builtIn().parse("operation_type", "backtest"))
                .hasMessageContaining("expected one of: training, data_loading");
    }

    @Test
    void typesAreEqualByWireNameAndReadFromJsonWhateverTheProcessDeclared() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(OperationType.of("backtest")).isEqualTo(BACKTEST).hasSameHashCodeAs(BACKTEST);
        assertThat(json.readValue("\"backtest\"", OperationType.class)).isEqualTo(BACKTEST);
        assertThat(json.readValue("\"training\"", OperationType.class)).isSameAs(OperationType.TRAINING);
        assertThat(json.writeValueAsString(Map.of("type", BACKTEST))).isEqualTo("{\"type\":\"backtest\"}");
    }

    @Test
    void aMalformedNameIsRefusedAsABadRequest() {
        for (String bad : new String[] {null, "", "Backtest", "back-test", "9lives", "x".repeat(33)}) {
            assertThatThrownBy(() -> OperationType.of(bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(OperationType.of("a".repeat(32)).wireName()).hasSize(32); // the store's column width
    }

    @Test
    void idsOfADeclaredTypeCarryItsWireName() {
        assertThat(OperationIds.newId(BACKTEST, java.time.Instant.parse("2026-01-02T03:04:05Z")))
                .matches("op_backtest_20260102_030405_[0-9a-f]{8}");
    }

    @Test
    void aTypeWithoutLimitsOfItsOwnNeverStallsUnderAPolicyThatNamesOthersOnly() {
        StallPolicy policy = StallPolicy.of(Map.of(OperationType.TRAINING,
                new StallPolicy.Limits(Duration.ofMinutes(1), Duration.ofMinutes(2))));

        assertThat(policy.isStalled(OperationType.TRAINING, Duration.ofMinutes(1))).isTrue();
        assertThat(policy.isStalled(BACKTEST, Duration.ofDays(1))).isFalse();
        assertThat(policy.isLost(BACKTEST, Duration.ofDays(1))).isFalse();
        assertThat(policy.failAfter(BACKTEST)).isZero();
    }

    @Test
    void aTypeWithoutLimitsOfItsOwnGetsTheConfiguredDefaultOnes() {
        StallPolicy policy = RuntimeSettings.of(Map.of("opsbridge.stall.default.stall-after", "1m",
                "opsbridge.stall.default.fail-after", "5m", "opsbridge.stall.training.stall-after", "30m")).stalls();

        assertThat(policy.isStalled(BACKTEST, Duration.ofMinutes(1))).isTrue();
        assertThat(policy.isLost(BACKTEST, Duration.ofMinutes(4))).isFalse();
        assertThat(policy.isLost(BACKTEST, Duration.ofMinutes(5))).isTrue();
        // the cached read's allocation-free form judges by the same default limits
        assertThat(policy.isLost(BACKTEST, Duration.ofMinutes(4).toMillis())).isFalse();
        assertThat(policy.isLost(BACKTEST, Duration.ofMinutes(5).toMillis())).isTrue();
        assertThat(policy.failAfter(BACKTEST)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.isStalled(OperationType.TRAINING, Duration.ofMinutes(1))).isFalse();
    }
}

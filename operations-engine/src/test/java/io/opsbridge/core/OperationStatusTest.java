package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OperationStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PENDING,   PENDING,   false",
            "PENDING,   RUNNING,   true",
            "PENDING,   COMPLETED, false",
            "PENDING,   FAILED,    true",
            "PENDING,   CANCELLED, true",
            "RUNNING,   PENDING,   false",
            "RUNNING,   RUNNING,   false",
            "RUNNING,   COMPLETED, true",
            "RUNNING,   FAILED,    true",
            "RUNNING,   CANCELLED, true",
            "COMPLETED, PENDING,   false",
            "COMPLETED, RUNNING,   false",
            "COMPLETED, COMPLETED, false",
            "COMPLETED, FAILED,    false",
            "COMPLETED, CANCELLED, false",
            "FAILED,    PENDING,   false",
            "FAILED,    RUNNING,   false",
            "FAILED,    COMPLETED, false",
            "FAILED,    FAILED,    false",
            "FAILED,    CANCELLED, false",
            "CANCELLED, PENDING,   false",
            "CANCELLED, RUNNING,   false",
            "CANCELLED, COMPLETED, false",
            "CANCELLED, FAILED,    false",
            "CANCELLED, CANCELLED, false",
    })
    void transitionTable(OperationStatus from, OperationStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void onlyCompletedFailedAndCancelledAreTerminal() {
        assertThat(Arrays.stream(OperationStatus.values()).filter(OperationStatus::isTerminal))
                .containsExactlyInAnyOrder(OperationStatus.COMPLETED, OperationStatus.FAILED, OperationStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = OperationStatus.class, names = {"COMPLETED", "FAILED", "CANCELLED"})
    void terminalStatusesAreFinal(OperationStatus terminal) {
        assertThat(OperationStatus.values()).noneMatch(terminal::canMoveTo);
    }

    @Test
    void wireNamesAreLowercase() {
        assertThat(OperationStatus.values()).extracting(OperationStatus::wireName)
                .containsExactly("pending", "running", "completed", "failed", "cancelled");
    }

    @ParameterizedTest
    @EnumSource(OperationStatus.class)
    void wireNameParsesBack(OperationStatus status) {
        assertThat(OperationStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @Test
    void fromWireIgnoresCaseAndSurroundingSpaces() {
        assertThat(OperationStatus.fromWire("RUNNING")).isEqualTo(OperationStatus.RUNNING);
        assertThat(OperationStatus.fromWire(" Cancelled ")).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void unknownWireValueIsRefusedNamingTheAcceptedValues() {
        assertThatThrownBy(() -> OperationStatus.fromWire("paused"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessageContaining("'paused'")
                .hasMessageContaining("pending, running, completed, failed, cancelled");
    }

    @Test
    void missingWireValueIsRefused() {
        assertThatThrownBy(() -> OperationStatus.fromWire(null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void operationTypeWireNamesAreSnakeCase() {
        assertThat(OperationTypes.builtIn().all()).extracting(OperationType::wireName)
                .containsExactly("training", "data_loading");
        assertThat(OperationType.of("data_loading")).isSameAs(OperationType.DATA_LOADING);
    }
}

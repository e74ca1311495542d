package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * The life of an operation: {@code pending -> running -> completed | failed | cancelled}.
 * {@link #canMoveTo} is the one place that says which changes are legal; terminal states are final.
 */
public enum OperationStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether an operation in this status may change to {@code next}. */
    public boolean canMoveTo(OperationStatus next) {
        return switch (this) {
            case PENDING -> Set.of(RUNNING, FAILED, CANCELLED).contains(next);
            case RUNNING -> Set.of(COMPLETED, FAILED, CANCELLED).contains(next);
            case COMPLETED, FAILED, CANCELLED -> false;
        };
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the wire name ({@code running}); case-insensitive.
     *
     * @throws InvalidRequestException naming the accepted values
     */
    @JsonCreator
    public static OperationStatus fromWire(String value) {
        return WireEnums.parse(OperationStatus.class, "status", value);
    }
}

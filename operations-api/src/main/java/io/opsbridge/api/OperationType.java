package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of work an operation does; part of its id and of every listing filter. */
public enum OperationType {
    TRAINING,
    DATA_LOADING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidRequestException naming the accepted values */
    @JsonCreator
    public static OperationType fromWire(String value) {
        return WireEnums.parse(OperationType.class, "operation_type", value);
    }
}

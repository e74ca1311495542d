package io.opsbridge.backend.models;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a model version stands in the registry. {@code active} serves signals (at most one per
 * strategy); {@code inactive} is registered and can be activated; {@code failed} could not be
 * loaded when someone tried to activate it, and can be activated again once fixed.
 */
public enum ModelStatus {
    ACTIVE,
    INACTIVE,
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored in the database as {@code wireName()}. */
    public static ModelStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

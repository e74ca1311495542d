package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * What kind of work an operation does; part of its id ({@code op_<wire name>_...}) and of every
 * listing filter. Open: the platform's two types are constants here, and a module declares its own
 * with {@link #of} and a CDI producer (docs/adding-an-operation-type.md), which makes the listing
 * filter accept it.
 *
 * <pre>{@code
 * @Produces
 * static final OperationType BACKTEST = OperationType.of("backtest");
 * }</pre>
 *
 * <p>Two types are equal when their wire names are. Reading a type from JSON or from the store
 * accepts any well-formed name, so a client or a store never fails on a type another process declared.
 */
public final class OperationType {

    /** At most 32 characters: the store's {@code operation_type} columns are {@code VARCHAR(32)}. */
    private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public static final OperationType TRAINING = new OperationType("training");
    public static final OperationType DATA_LOADING = new OperationType("data_loading");

    private final String wireName;

    private OperationType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The type of this wire name: lower-case letters, digits and {@code _}, starting with a letter.
     *
     * @throws InvalidRequestException (field {@code operation_type}) if the name is not one
     */
    @JsonCreator
    public static OperationType of(String wireName) {
        if (wireName == null || !WIRE_NAME.matcher(wireName).matches()) {
            throw new InvalidRequestException("operation_type", "'" + wireName + "' is not an operation type name"
                    + " (up to 32 lower-case letters, digits and _, starting with a letter)");
        }
        return switch (wireName) {
            case "training" -> TRAINING;
            case "data_loading" -> DATA_LOADING;
            default -> new OperationType(wireName);
        };
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OperationType type && type.wireName.equals(wireName);
    }

    @Override
    public int hashCode() {
        return wireName.hashCode();
    }

    @Override
    public String toString() {
        return wireName;
    }
}

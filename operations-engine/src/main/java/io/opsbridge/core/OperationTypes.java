package io.opsbridge.core;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationType;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The operation types this process knows: the platform's two, then each one a module declares as a
 * CDI bean ({@code @Produces OperationType}). The listing filter accepts these and names them when it
 * refuses a value; the metrics show a series for each from the start.
 *
 * <pre>{@code
 * OperationTypes types = OperationTypes.with(List.of(OperationType.of("backtest")));
 * types.parse("operation_type", "backtest");   // the type; "bogus" is a 400 naming all three
 * }</pre>
 */
public final class OperationTypes {

    private final Set<OperationType> all;
    private final String accepted;

    private OperationTypes(Set<OperationType> all) {
        this.all = Collections.unmodifiableSet(all);
        this.accepted = String.join(", ", all.stream().map(OperationType::wireName).toList());
    }

    /** Training and data loading only. */
    public static OperationTypes builtIn() {
        return with(Set.of());
    }

    /** The built-in types and these, in that order, each once. */
    public static OperationTypes with(Collection<OperationType> declared) {
        Set<OperationType> all = new LinkedHashSet<>();
        all.add(OperationType.TRAINING);
        all.add(OperationType.DATA_LOADING);
        all.addAll(declared);
        return new OperationTypes(all);
    }

    /** Every known type, the built-in ones first. */
    public Set<OperationType> all() {
        return all;
    }

    /**
     * The known type of this wire name.
     *
     * @throws InvalidRequestException naming {@code field} and every accepted value
     */
    public OperationType parse(String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        return all.stream().filter(type -> type.wireName().equalsIgnoreCase(trimmed)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field,
                        "unknown value '" + value + "'; expected one of: " + accepted));
    }
}

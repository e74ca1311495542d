package io.opsbridge.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses snake_case wire names into enums, refusing unknown values with a message a client can act on. */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new InvalidRequestException(field, "unknown value '" + value + "'; expected one of: " + accepted);
    }
}

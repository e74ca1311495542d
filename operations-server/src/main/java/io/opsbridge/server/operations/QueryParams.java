package io.opsbridge.server.operations;

import io.opsbridge.api.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query parameter parsing with 400s that name the parameter. */
final class QueryParams {
    private QueryParams() {
    }

    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "must be an integer, was '" + value + "'");
        }
    }

    /** The range every database stores: years 1 to 9999. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * An ISO-8601 time with its offset ({@code 2026-12-06T00:00:00Z}, {@code 2026-12-06T10:00:00+01:00}),
     * within years 1 to 9999; blank or absent is null.
     */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an ISO-8601 time such as 2026-12-06T00:00:00Z");
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new InvalidRequestException(name, "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return time;
    }

    static boolean bool(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false, was '" + value + "'");
        };
    }
}

package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.Names;
import io.opsbridge.workloads.training.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;

/**
 * The bars a load keeps: {@code from <= timestamp < until}; a null bound is open.
 * A date-only end ({@code 2024-03-31}) keeps that whole day.
 */
public record DateRange(Instant from, Instant until) {

    public static final DateRange ALL = new DateRange(null, null);

    /**
     * Parses the request's bounds.
     *
     * @throws IllegalArgumentException naming the text that is not a date or instant
     */
    public static DateRange parse(String startDate, String endDate) {
        Instant from = startDate == null ? null : parseBound(startDate, false);
        Instant until = endDate == null ? null : parseBound(endDate, true);
        return new DateRange(from, until);
    }

    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
    }

    /** Whether the range keeps nothing at all. */
    public boolean isEmpty() {
        return from != null && until != null && !from.isBefore(until);
    }

    // Bars from before 1900 or after 9999 are a typo or an attack, never market data.
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parseBound(String text, boolean end) {
        Instant bound = parseInstant(text, end);
        if (bound.isBefore(EARLIEST) || bound.isAfter(LATEST.plusSeconds(1))) {
            throw new IllegalArgumentException("'" + Names.abbreviate(text) + "' is out of range (1900-01-01 to 9999-12-31)");
        }
        return bound;
    }

    private static Instant parseInstant(String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant instant = Timestamps.parse(text);
            return end ? instant.plusNanos(1) : instant;
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + Names.abbreviate(text) + "' is not a date (2024-01-31) or an ISO instant", e);
        }
    }
}

package io.opsbridge.workloads.training;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one parser for OHLCV timestamps, shared by the training reader and the data loader: the
 * spellings broker exports use, ISO-8601 (UTC if no offset, 'T' or space), a date only (daily bars,
 * midnight UTC) or epoch seconds or milliseconds.
 *
 * <pre>{@code
 * Timestamps.parse("2024-01-02")           // 2024-01-02T00:00:00Z
 * Timestamps.parse("2024-01-02 02:00:00")  // 2024-01-02T02:00:00Z
 * Timestamps.parse("1704153600")           // 2024-01-02T00:00:00Z
 * }</pre>
 */
public final class Timestamps {

    /** Epoch numbers at or above this are milliseconds (as seconds it would be the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {
    }

    /** @throws DateTimeParseException or NumberFormatException if {@code text} is neither */
    public static Instant parse(String text) {
        if (isInteger(text)) {
            long epoch = Long.parseLong(text);
            return Math.abs(epoch) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
        }
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == 'Z' && text.indexOf(' ') < 0) {
            return Instant.parse(text); // the common case, and the fastest parser
        }
        String iso = text.replace(' ', 'T');
        if (iso.length() == 10) {
            return LocalDateTime.parse(iso + "T00:00").toInstant(ZoneOffset.UTC); // daily bars: a date only
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }

    private static boolean isInteger(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

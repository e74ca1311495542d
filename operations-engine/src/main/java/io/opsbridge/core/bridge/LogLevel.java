package io.opsbridge.core.bridge;

import java.util.Locale;

/** The level of a log line; on the wire in lower case ({@code info}). */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    private static final LogLevel[] BY_ORDINAL = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static LogLevel ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** The level of a {@code java.util.logging} level value (JBoss levels included): below 800 debug, then info, warn, error. */
    public static LogLevel ofJul(int value) {
        if (value >= 1000) {
            return ERROR;
        }
        if (value >= 900) {
            return WARN;
        }
        return value >= 800 ? INFO : DEBUG;
    }

    /** The level named {@code wire} ({@code info}...); {@code INFO} for a name it does not know. */
    public static LogLevel ofWire(String wire) {
        for (LogLevel level : BY_ORDINAL) {
            if (level.wireName.equals(wire)) {
                return level;
            }
        }
        return INFO;
    }
}

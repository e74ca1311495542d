package io.opsbridge.core.settings.reload;

import java.util.regex.Pattern;

/**
 * A settings value that does not convert, said in words and with an example of what would, from the
 * kind of value the setting has at startup: {@code `opsbridge.operations.cache-ttl`: `fast` is not
 * a duration (e.g. 500ms, 2s)}. Never the converter's Java text ({@code SRCFG00039},
 * {@code java.lang.IllegalArgumentException}).
 */
final class ValueWords {

    private static final Pattern DURATION = Pattern.compile("^(\\d+(\\.\\d+)?(ns|us|ms|s|m|h|d)|P.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("^-?\\d+$");
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d*\\.\\d+$");

    private ValueWords() {
    }

    /** @param startup the setting's value at startup, or null if it has none (the kind is then unknown) */
    static String notConvertible(String key, String value, String startup) {
        return "`" + key + "`: `" + value + "` " + expected(startup);
    }

    private static String expected(String startup) {
        if (startup == null) {
            return "is not a value this setting accepts";
        }
        String s = startup.trim();
        if (DURATION.matcher(s).matches()) {
            return "is not a duration (e.g. 500ms, 2s, 5m, 1h)";
        }
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return "is not true or false";
        }
        if (WHOLE.matcher(s).matches()) {
            return "is not a whole number (e.g. " + s + ")";
        }
        if (DECIMAL.matcher(s).matches()) {
            return "is not a number (e.g. " + s + ")";
        }
        return "is not a value this setting accepts (e.g. " + s + ")";
    }
}

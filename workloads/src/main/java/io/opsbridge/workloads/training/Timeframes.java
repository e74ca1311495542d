package io.opsbridge.workloads.training;

import io.opsbridge.api.InvalidRequestException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bar timeframes written like {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d}, {@code 1w}. */
public final class Timeframes {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,3})([mhdw])");

    private Timeframes() {
    }

    /** Whether {@code timeframe} is a number followed by m, h, d or w (and so safe in a file name). */
    public static boolean isValid(String timeframe) {
        return timeframe != null && FORMAT.matcher(timeframe).matches();
    }

    /** @throws InvalidRequestException naming {@code field} unless {@code timeframe} {@link #isValid is valid} */
    public static void require(String field, String timeframe) {
        if (!isValid(timeframe)) {
            throw new InvalidRequestException(field, "must look like 15m, 1h, 4h, 1d or 1w, was '"
                    + Names.abbreviate(timeframe) + "'");
        }
    }

    /** The length of one bar, e.g. one hour for {@code "1h"}. */
    public static Duration duration(String timeframe) {
        Matcher m = timeframe == null ? null : FORMAT.matcher(timeframe);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a timeframe: " + timeframe);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}

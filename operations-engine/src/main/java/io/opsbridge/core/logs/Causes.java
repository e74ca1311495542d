package io.opsbridge.core.logs;

import java.util.ArrayList;
import java.util.List;

/** A failure and its causes as one line of text for a log: messages only, never a stack trace. */
public final class Causes {

    private static final int MAX_DEPTH = 8;

    private Causes() {
    }

    /** {@code "no symbol could be loaded: …; caused by: not a number in column 'low'"}; repeated messages once. */
    public static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            if (parts.stream().noneMatch(seen -> seen.contains(message))) {
                parts.add(message);
            }
        }
        return String.join("; caused by: ", parts);
    }
}

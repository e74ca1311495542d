package io.opsbridge.core.bridge;

import io.opsbridge.api.LogLine;
import java.util.List;

/**
 * Log lines after a cursor: {@code newCursor} is the cursor to ask with next; {@code dropped} counts
 * the lines between the cursor asked with and the first line still kept (0 if none are gone).
 */
public record LogPage(List<LogLine> lines, int newCursor, int dropped) {

    public static LogPage empty(int cursor) {
        return new LogPage(List.of(), cursor, 0);
    }
}

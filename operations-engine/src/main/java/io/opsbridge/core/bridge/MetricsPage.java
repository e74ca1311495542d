package io.opsbridge.core.bridge;

import java.util.List;
import java.util.Map;

/**
 * The metrics after a cursor, and the cursor to ask with next time.
 *
 * <p>{@code newCursor} is the number of metrics the reader has now seen; asking again with it returns
 * only what was appended since.
 */
public record MetricsPage(List<Map<String, Object>> metrics, int newCursor) {

    public static MetricsPage empty(int cursor) {
        return new MetricsPage(List.of(), cursor);
    }

    /** The items of {@code all} after {@code cursor}, copied; a cursor past the end yields nothing. */
    public static MetricsPage after(List<Map<String, Object>> all, int cursor) {
        int size = all.size();
        if (cursor >= size) {
            return empty(Math.max(cursor, size));
        }
        return new MetricsPage(List.copyOf(all.subList(cursor, size)), size);
    }
}

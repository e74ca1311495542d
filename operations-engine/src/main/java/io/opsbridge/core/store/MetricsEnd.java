package io.opsbridge.core.store;

import java.util.Map;

/**
 * Where an operation's stored metrics end: the position the next one is stored at, and the epoch of
 * the last one (null if it names none). A new attempt's metrics continue from here.
 */
public record MetricsEnd(int position, Integer lastEpoch) {

    /** A first attempt's: nothing stored before it. */
    public static final MetricsEnd START = new MetricsEnd(0, null);

    /** The end after {@code last}, the last stored metric (null if there is none). */
    public static MetricsEnd of(int position, Map<String, Object> last) {
        return new MetricsEnd(position, last != null && last.get("epoch") instanceof Number n ? n.intValue() : null);
    }

    /** Whether {@code metric} was stored already: it names an epoch at or before the last stored one. */
    public boolean holds(Map<String, Object> metric) {
        return lastEpoch != null && metric.get("epoch") instanceof Number n && n.intValue() <= lastEpoch;
    }
}

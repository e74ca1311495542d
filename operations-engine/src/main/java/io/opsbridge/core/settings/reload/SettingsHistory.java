package io.opsbridge.core.settings.reload;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The last {@value #CAPACITY} reload events, newest first, and the last rejected one; written
 * through to a {@link Store} (a database table) so that the history survives a restart.
 */
public final class SettingsHistory {

    private static final Logger LOG = Logger.getLogger(SettingsHistory.class);

    /** Events kept in memory. */
    public static final int CAPACITY = 100;

    /** Where events are kept across restarts. */
    public interface Store {
        void save(ReloadEvent event);

        /** The newest {@code limit} events, newest first. */
        List<ReloadEvent> latest(int limit);
    }

    /** Totals by outcome and durations over the events kept. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stats(Map<String, Long> totals, double meanDurationMicros, long maxDurationMicros) {
    }

    private final Deque<ReloadEvent> events = new ArrayDeque<>();
    private final Store store;
    private ReloadEvent lastRejected;

    /** History in memory only. */
    public SettingsHistory() {
        this(null);
    }

    /** History in memory, written through to {@code store} and started from its newest events. */
    public SettingsHistory(Store store) {
        this.store = store;
        if (store != null) {
            List<ReloadEvent> stored = store.latest(CAPACITY);
            for (int i = stored.size() - 1; i >= 0; i--) {
                remember(stored.get(i));
            }
        }
    }

    public void add(ReloadEvent event) {
        synchronized (this) {
            remember(event);
        }
        if (store != null) {
            try {
                store.save(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "settings reload event not stored (kept in memory)");
            }
        }
    }

    private synchronized void remember(ReloadEvent event) {
        events.addFirst(event);
        if (events.size() > CAPACITY) {
            events.removeLast();
        }
        if (event.outcome() == ReloadEvent.Outcome.REJECTED) {
            lastRejected = event;
        }
    }

    /** The newest {@code limit} events, newest first. */
    public synchronized List<ReloadEvent> latest(int limit) {
        List<ReloadEvent> result = new ArrayList<>(Math.min(limit, events.size()));
        Iterator<ReloadEvent> it = events.iterator();
        while (it.hasNext() && result.size() < limit) {
            result.add(it.next());
        }
        return result;
    }

    public synchronized Optional<ReloadEvent> lastRejected() {
        return Optional.ofNullable(lastRejected);
    }

    public synchronized Stats stats() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ReloadEvent.Outcome outcome : ReloadEvent.Outcome.values()) {
            totals.put(outcome.wire(), 0L);
        }
        long sum = 0;
        long max = 0;
        for (ReloadEvent event : events) {
            totals.merge(event.outcome().wire(), 1L, Long::sum);
            sum += event.durationMicros();
            max = Math.max(max, event.durationMicros());
        }
        return new Stats(totals, events.isEmpty() ? 0 : (double) sum / events.size(), max);
    }
}

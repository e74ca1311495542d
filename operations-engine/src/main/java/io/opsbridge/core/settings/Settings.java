package io.opsbridge.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link RuntimeSettings}: the one place every component reads its tunables
 * from, at use time. Reading is one volatile read, never a lock; {@link #apply} swaps the whole
 * snapshot with one reference write and then tells the observers (e.g. the cache changes its TTL
 * in place, the worker pool resizes, the model check re-arms its timer).
 */
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class);

    /**
     * Told of every applied snapshot, after the swap, with the keys whose values changed; an
     * observer compares what it uses and does its work only when that changed (a reload storm
     * that leaves the model check's interval alone must not keep re-arming its timer).
     */
    @FunctionalInterface
    public interface Observer {
        void changed(RuntimeSettings previous, RuntimeSettings current, List<SettingsChange> diff);
    }

    private volatile RuntimeSettings current;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    public Settings(RuntimeSettings initial) {
        this.current = initial;
    }

    /** The settings in force now. */
    public RuntimeSettings current() {
        return current;
    }

    public void observe(Observer observer) {
        observers.add(observer);
    }

    /**
     * Makes {@code next} current under the next version number and tells every observer; an
     * observer that throws is logged and does not stop the others or the swap.
     *
     * @return the snapshot now in force
     */
    public RuntimeSettings apply(RuntimeSettings next) {
        return swap(next, SettingsChange.between(current.values(), next.values())).current();
    }

    /** What one {@link #swap} did: the snapshots before and after, and the observers that failed. */
    public record Swap(RuntimeSettings previous, RuntimeSettings current, List<String> observerFailures) {
    }

    /**
     * Like {@link #apply} with the diff the caller computed (a reload diffs the reloadable keys
     * only), and says which observers failed ({@code "ClassName: message"}), so that a reload can
     * record them in its event.
     */
    public synchronized Swap swap(RuntimeSettings next, List<SettingsChange> diff) {
        RuntimeSettings previous = current;
        RuntimeSettings applied = next.withVersion(previous.version() + 1);
        current = applied;
        List<String> failures = new ArrayList<>(0);
        for (Observer observer : observers) {
            try {
                observer.changed(previous, applied, diff);
            } catch (RuntimeException e) {
                LOG.errorf(e, "settings %d applied, but an observer failed", applied.version());
                failures.add(observer.getClass().getName() + ": " + e.getMessage());
            }
        }
        return new Swap(previous, applied, List.copyOf(failures));
    }
}

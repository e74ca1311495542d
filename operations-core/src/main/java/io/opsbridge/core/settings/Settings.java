package io.opsbridge.core.settings;

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

    /** Told of every applied snapshot, after the swap. */
    @FunctionalInterface
    public interface Observer {
        void changed(RuntimeSettings previous, RuntimeSettings current);
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
    public synchronized RuntimeSettings apply(RuntimeSettings next) {
        RuntimeSettings previous = current;
        RuntimeSettings applied = next.withVersion(previous.version() + 1);
        current = applied;
        for (Observer observer : observers) {
            try {
                observer.changed(previous, applied);
            } catch (RuntimeException e) {
                LOG.errorf(e, "settings %d applied, but an observer failed", applied.version());
            }
        }
        return applied;
    }
}

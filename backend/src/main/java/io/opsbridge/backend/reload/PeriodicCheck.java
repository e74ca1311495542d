package io.opsbridge.backend.reload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A named check that runs every {@code interval} on its own daemon thread, as a safety net under
 * faster triggers (an API call, a broadcast). A failing run is logged and counted and the next run
 * happens as planned: a plain {@link ScheduledExecutorService} would silently stop after the first
 * exception, which is exactly the fault this class exists to prevent.
 *
 * <pre>{@code
 * PeriodicCheck check = new PeriodicCheck("model-reload", Duration.ofSeconds(300), registry::reloadAll);
 * check.start();   // ... check.close() on shutdown
 * }</pre>
 */
public final class PeriodicCheck implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicCheck.class);

    private final String name;
    private final Duration interval;
    private final Runnable check;
    private final ScheduledExecutorService timer;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public PeriodicCheck(String name, Duration interval, Runnable check) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException(name + ": interval must be positive, was " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.check = check;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opsbridge-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The first run is one interval from now. */
    public void start() {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("%s: checking every %s", name, interval);
    }

    /** Runs completed so far, failed or not. */
    public long runs() {
        return runs.get();
    }

    public long failures() {
        return failures.get();
    }

    void runOnce() {
        try {
            check.run();
        } catch (Throwable e) { // NOPMD: anything that escapes would cancel every later run
            failures.incrementAndGet();
            LOG.errorf(e, "%s: check failed; next one in %s", name, interval);
        } finally {
            runs.incrementAndGet();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

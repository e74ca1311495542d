package io.opsbridge.backend.reload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A named check that runs every {@code interval} on its own daemon thread, as a safety net under
 * faster triggers (an API call, a broadcast). A failing run is logged and counted and the next run
 * happens as planned: a plain {@link ScheduledExecutorService} would silently stop after the first
 * exception, which is exactly the fault this class exists to prevent.
 *
 * <p>The interval is read from its supplier each time the next run is planned, and {@link #rearm}
 * replans at once: a changed setting takes effect without a restart (a timer that keeps its first
 * period is the classic fault of reloadable configuration).
 *
 * <pre>{@code
 * PeriodicCheck check = new PeriodicCheck("model-reload",
 *         () -> settings.current().section(ModelsConfig.class).reloadInterval(),
 *         () -> registry.reloadIfChanged(strategy));
 * check.start();   // ... check.rearm() when the interval changed, check.close() on shutdown
 * }</pre>
 */
public final class PeriodicCheck implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicCheck.class);

    private final String name;
    private final Supplier<Duration> interval;
    private final Runnable check;
    private final ScheduledExecutorService timer;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private ScheduledFuture<?> next;

    /** A check with a fixed interval. */
    public PeriodicCheck(String name, Duration interval, Runnable check) {
        this(name, () -> interval, check);
    }

    /** A check whose interval is read from {@code interval} whenever the next run is planned. */
    public PeriodicCheck(String name, Supplier<Duration> interval, Runnable check) {
        this.name = name;
        this.interval = interval;
        this.check = check;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opsbridge-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The first run is one interval from now.
     *
     * @throws IllegalArgumentException if the interval is not positive
     */
    public synchronized void start() {
        planNext();
        LOG.infof("%s: checking every %s", name, interval.get());
    }

    /** Plans the next run one (current) interval from now, replacing the planned one. */
    public synchronized void rearm() {
        if (next != null && next.cancel(false)) {
            planNext();
            LOG.infof("%s: now checking every %s", name, interval.get());
        }
    }

    /** Runs the check now on its own thread (something it records changed), then every interval again. */
    public synchronized void runSoon() {
        if (next != null && next.cancel(false)) {
            next = timer.schedule(this::runAndPlan, 0, TimeUnit.MILLISECONDS);
        }
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
            LOG.errorf(e, "%s: check failed; next one in %s", name, interval.get());
        } finally {
            runs.incrementAndGet();
        }
    }

    private synchronized void planNext() {
        Duration every = interval.get();
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException(name + ": interval must be positive, was " + every);
        }
        next = timer.schedule(this::runAndPlan, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndPlan() {
        runOnce();
        if (!timer.isShutdown()) {
            planNext();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

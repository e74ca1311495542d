package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.SettingsChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The one path every reload takes, whatever triggered it (a signal, the file watch, the admin
 * call): read the file, validate it, and either swap the snapshot or keep the current one and
 * report why. Reloads run one at a time on one thread, so two triggers never interleave.
 *
 * <pre>{@code
 * ReloadEvent event = reloader.reload("admin", false);   // waits for its turn
 * reloader.submitQuietly("watch");                       // a hint: recorded only if something changed
 * }</pre>
 */
public final class SettingsReloader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SettingsReloader.class);

    private final Settings settings;
    private final SettingsCatalog catalog;
    private final CandidateValidator validator;
    private final SettingsFile file;
    private final SettingsHistory history;
    private final List<ReloadListener> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "opsbridge-settings-reload");
        t.setDaemon(true);
        return t;
    });

    /** @param listeners told of every recorded event, e.g. metrics */
    public SettingsReloader(Settings settings, SettingsCatalog catalog, SettingsFile file, SettingsHistory history,
            List<ReloadListener> listeners) {
        this.settings = settings;
        this.catalog = catalog;
        this.validator = new CandidateValidator(catalog, settings.current());
        this.file = file;
        this.history = history;
        this.listeners = List.copyOf(listeners);
    }

    public SettingsFile file() {
        return file;
    }

    public SettingsHistory history() {
        return history;
    }

    public SettingsCatalog catalog() {
        return catalog;
    }

    /** Whether the settings in force came from the file (not only from the startup configuration). */
    public boolean followsFile() {
        return settings.current().origin().sha256() != null;
    }

    /** Reloads in turn and answers what happened; a dry run validates and diffs, applies nothing, records nothing. */
    public ReloadEvent reload(String trigger, boolean dryRun) {
        return submit(trigger, dryRun, false).join();
    }

    /**
     * Enqueues a reload and returns at once, for a signal handler or a file watch: an unchanged
     * file, or the same broken file again, is not recorded.
     */
    public void submitQuietly(String trigger) {
        submit(trigger, false, true);
    }

    /** Enqueues a reload that is recorded whatever its outcome, and returns at once (a signal). */
    public void submit(String trigger) {
        submit(trigger, false, false);
    }

    private CompletableFuture<ReloadEvent> submit(String trigger, boolean dryRun, boolean quiet) {
        return CompletableFuture.supplyAsync(() -> run(trigger, dryRun, quiet), thread);
    }

    private ReloadEvent run(String trigger, boolean dryRun, boolean quiet) {
        long started = System.nanoTime();
        RuntimeSettings current = settings.current();
        SettingsFile.Contents contents;
        try {
            contents = file.read();
        } catch (SettingsFile.Unusable e) {
            return finish(rejected(trigger, dryRun, current, null, started, List.of(e.getMessage())), dryRun, quiet);
        }
        if (contents.sha256().equals(current.origin().sha256())) {
            ReloadEvent unchanged = new ReloadEvent(Instant.now(), trigger, ReloadEvent.Outcome.UNCHANGED, dryRun,
                    current.version(), current.version(), contents.sha256(), micros(started), List.of(), List.of(),
                    List.of());
            return quiet || dryRun ? unchanged : record(unchanged);
        }
        CandidateValidator.Result result = validator.validate(contents.properties());
        if (!result.valid()) {
            return finish(rejected(trigger, dryRun, current, contents.sha256(), started, result.errors()), dryRun,
                    quiet);
        }
        Map<String, String> before = catalog.values(current);
        RuntimeSettings candidate = result.candidate()
                .withOrigin(new RuntimeSettings.Origin(contents.sha256(), Instant.now(), trigger));
        List<SettingsChange> diff = SettingsChange.between(before, catalog.values(candidate));
        if (dryRun) {
            return new ReloadEvent(Instant.now(), trigger, ReloadEvent.Outcome.APPLIED, true, current.version(),
                    current.version() + 1, contents.sha256(), micros(started), diff, List.of(), List.of());
        }
        Settings.Swap swap = settings.swap(candidate, diff);
        ReloadEvent applied = new ReloadEvent(swap.current().origin().appliedAt(), trigger,
                ReloadEvent.Outcome.APPLIED, false, swap.previous().version(), swap.current().version(),
                contents.sha256(), micros(started), diff, List.of(), swap.observerFailures());
        LOG.infof("settings %d applied (%s): %s", applied.toVersion(), trigger, diff);
        return record(applied);
    }

    private ReloadEvent finish(ReloadEvent rejected, boolean dryRun, boolean quiet) {
        if (dryRun) {
            return rejected;
        }
        boolean again = history.lastRejected().map(last -> Objects.equals(last.sha256(), rejected.sha256())
                && last.errors().equals(rejected.errors())).orElse(false);
        if (quiet && again) {
            return rejected;
        }
        LOG.warnf("settings reload (%s) rejected, settings %d stay: %s", rejected.trigger(), rejected.fromVersion(),
                rejected.errors());
        return record(rejected);
    }

    private static ReloadEvent rejected(String trigger, boolean dryRun, RuntimeSettings current, String sha256,
            long started, List<String> errors) {
        return new ReloadEvent(Instant.now(), trigger, ReloadEvent.Outcome.REJECTED, dryRun, current.version(),
                current.version(), sha256, micros(started), List.of(), errors, List.of());
    }

    private ReloadEvent record(ReloadEvent event) {
        history.add(event);
        for (ReloadListener listener : listeners) {
            try {
                listener.reloaded(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "a settings reload listener failed");
            }
        }
        return event;
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package io.opsbridge.backend.reload.broadcast;

import io.opsbridge.backend.models.ReloadResult;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.SettingsFile;
import io.opsbridge.core.settings.reload.SettingsReloader;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Compares what this replica serves with the truth and reloads what is behind: the registry's
 * active version of every strategy it serves, and the SHA-256 of its own settings file. A message
 * only says "look now"; what is loaded always comes from the database and the file, so a message
 * lost while the replica was away still takes effect at the next (re)subscribe.
 */
public final class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class);

    /** What one comparison did. */
    public record Outcome(boolean modelReloaded, boolean settingsApplied, boolean settingsPending, String error) {
        boolean changed() {
            return modelReloaded || settingsApplied;
        }
    }

    private final ModelRegistry registry;
    private final Supplier<String> defaultStrategy;
    private final SettingsReloader reloader;
    private final Settings settings;
    private final int settingsRetries;
    private final Duration settingsRetryDelay;

    public CatchUp(ModelRegistry registry, Supplier<String> defaultStrategy, SettingsReloader reloader,
            Settings settings, int settingsRetries, Duration settingsRetryDelay) {
        this.registry = registry;
        this.defaultStrategy = defaultStrategy;
        this.reloader = reloader;
        this.settings = settings;
        this.settingsRetries = settingsRetries;
        this.settingsRetryDelay = settingsRetryDelay;
    }

    /** After a (re)subscribe: every served model and the settings file. */
    public Outcome everything() {
        Outcome models = models(null);
        Outcome file = settings(null);
        return new Outcome(models.modelReloaded(), file.settingsApplied(), file.settingsPending(),
                models.error() != null ? models.error() : file.error());
    }

    /** Reloads {@code strategy} (all served ones if null) if the registry's active version is not serving. */
    public Outcome models(String strategy) {
        Set<String> strategies = new LinkedHashSet<>();
        if (strategy != null) {
            strategies.add(strategy);
        } else {
            strategies.add(defaultStrategy.get());
            strategies.addAll(registry.servedStrategies());
        }
        boolean reloaded = false;
        String error = null;
        for (String s : strategies) {
            try {
                ReloadResult result = registry.reloadIfChanged(s);
                reloaded |= result.reloaded();
                if (result.failed()) {
                    error = result.message();
                } else if (result.reloaded()) {
                    LOG.infof("broadcast catch-up, %s: %s", s, result.message());
                }
            } catch (RuntimeException e) { // e.g. the database is away: the registry check retries later
                error = s + ": " + e.getMessage();
                LOG.warnf("broadcast catch-up of %s failed: %s", s, e.getMessage());
            }
        }
        return new Outcome(reloaded, false, false, error);
    }

    /**
     * Reloads the settings file if its hash is not the one in force. With a {@code target} hash
     * (from a message), a file that does not have it yet (a ConfigMap still propagating) is read
     * again a few times with a doubling delay and then reported as pending, not as applied.
     */
    public Outcome settings(String target) {
        long delay = settingsRetryDelay.toMillis();
        for (int attempt = 0;; attempt++) {
            String onDisk = fileHash();
            if (onDisk == null) {
                return new Outcome(false, false, target != null, target == null ? null
                        : "settings " + shortHash(target) + " pending: no readable settings file here");
            }
            boolean arrived = target == null || target.equals(onDisk);
            if (arrived) {
                if (onDisk.equals(settings.current().origin().sha256())) {
                    return new Outcome(false, false, false, null);
                }
                ReloadEvent event = reloader.reload(BroadcastTriggers.BROADCAST, false);
                boolean applied = event.outcome() == ReloadEvent.Outcome.APPLIED;
                return new Outcome(false, applied, false, applied ? null : "settings rejected: " + event.errors());
            }
            if (attempt >= settingsRetries) {
                LOG.warnf("broadcast: settings %s pending, the file here is still %s after %d retries",
                        shortHash(target), shortHash(onDisk), settingsRetries);
                return new Outcome(false, false, true, "settings " + shortHash(target) + " pending: file here is "
                        + shortHash(onDisk));
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, false, true, "interrupted");
            }
            delay *= 2;
        }
    }

    private String fileHash() {
        try {
            return reloader.file().read().sha256();
        } catch (SettingsFile.Unusable e) {
            return null;
        }
    }

    static String shortHash(String hash) {
        return Objects.toString(hash, "none").substring(0, Math.min(12, Objects.toString(hash, "none").length()));
    }
}

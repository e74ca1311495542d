package io.opsbridge.core.settings.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches the settings file's <em>directory</em> (a file cannot be registered) and treats any
 * event there as a hint: an editor's or {@code mv}'s atomic rename gives only a create, and a
 * Kubernetes ConfigMap swaps a {@code ..data} symlink without any event for the file itself. After
 * the directory has been quiet for the debounce the reloader reads the file and compares its hash.
 * With no event for a whole re-check interval it reads the file anyway, in case an event was lost.
 *
 * <p>A directory that does not exist yet (a fresh install, where the README's recipe creates
 * {@code config/} later) is not created: its nearest existing parent is watched instead, one level
 * deeper each time the next folder appears, until the file's own directory is watched; a directory
 * deleted later falls back the same way. While there is no file and there never was one, nothing is
 * read and nothing is recorded. One daemon thread blocked in {@link WatchService#poll}; not a timer.
 */
public final class SettingsFileWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SettingsFileWatch.class);

    private final Path file;
    private final SettingsReloader reloader;
    private final Duration debounce;
    private final Duration recheck;
    private final WatchService service;
    private final Thread thread;
    private Path watched;
    private WatchKey key;

    public SettingsFileWatch(Path file, SettingsReloader reloader, Duration debounce, Duration recheck)
            throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.reloader = reloader;
        this.debounce = debounce;
        this.recheck = recheck;
        this.service = this.file.getFileSystem().newWatchService();
        watchNearest();
        this.thread = new Thread(this::loop, "opsbridge-settings-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        if (watched.equals(file.getParent())) {
            LOG.infof("watching %s for settings changes (re-check every %s)", watched, recheck);
        } else {
            LOG.infof("settings directory %s does not exist yet: watching %s until it does (re-check every %s)",
                    file.getParent(), watched, recheck);
        }
    }

    /** The directory watched now: the file's own, or its nearest existing parent. */
    public Path watched() {
        return watched;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey event = service.poll(recheck.toMillis(), TimeUnit.MILLISECONDS);
                boolean noticed = event != null;
                if (noticed) {
                    do {
                        event.pollEvents();
                        event.reset();
                        event = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
                    } while (event != null);
                }
                moveCloser();
                if (Files.exists(file) || reloader.followsFile()) {
                    reloader.submitQuietly(noticed ? "watch" : "recheck");
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void moveCloser() {
        try {
            watchNearest();
        } catch (IOException e) {
            LOG.warnf("cannot watch %s (%s): the file is still re-checked every %s", watched, e.getMessage(), recheck);
        }
    }

    /** Registers the nearest existing directory; again if a deeper one appeared meanwhile (no event would tell). */
    private void watchNearest() throws IOException {
        Path nearest = nearestExisting();
        while (!nearest.equals(watched) || key == null || !key.isValid()) {
            if (key != null) {
                key.cancel();
            }
            key = nearest.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            if (watched != null) {
                LOG.infof("settings watch moves to %s", nearest);
            }
            watched = nearest;
            nearest = nearestExisting();
        }
    }

    private Path nearestExisting() {
        Path nearest = file.getParent();
        while (nearest.getParent() != null && !Files.isDirectory(nearest)) {
            nearest = nearest.getParent();
        }
        return nearest;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            LOG.debugf("closing the settings watch: %s", e);
        }
    }
}

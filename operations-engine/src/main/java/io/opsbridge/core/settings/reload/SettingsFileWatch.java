package io.opsbridge.core.settings.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
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
 * One daemon thread blocked in {@link WatchService#poll}; not a timer.
 */
public final class SettingsFileWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SettingsFileWatch.class);

    private final Path directory;
    private final SettingsReloader reloader;
    private final Duration debounce;
    private final Duration recheck;
    private final WatchService service;
    private final Thread thread;

    public SettingsFileWatch(Path file, SettingsReloader reloader, Duration debounce, Duration recheck)
            throws IOException {
        this.directory = file.toAbsolutePath().getParent();
        this.reloader = reloader;
        this.debounce = debounce;
        this.recheck = recheck;
        this.service = directory.getFileSystem().newWatchService();
        directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::loop, "opsbridge-settings-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        LOG.infof("watching %s for settings changes (re-check every %s)", directory, recheck);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(recheck.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    reloader.submitQuietly("recheck");
                    continue;
                }
                do {
                    key.pollEvents();
                    key.reset();
                    key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
                } while (key != null);
                reloader.submitQuietly("watch");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
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

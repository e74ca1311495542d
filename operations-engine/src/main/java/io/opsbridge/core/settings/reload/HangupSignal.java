package io.opsbridge.core.settings.reload;

import org.jboss.logging.Logger;

/**
 * {@code kill -HUP <pid>} enqueues a reload. The JVM's default would exit with code 129 and
 * Quarkus installs no handler; the handler only enqueues, the reload runs on the reload thread.
 */
@SuppressWarnings("removal") // sun.misc.Signal: the only way to handle SIGHUP, jdk.unsupported
public final class HangupSignal {

    private static final Logger LOG = Logger.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /** @return whether the handler is installed (not on platforms without SIGHUP) */
    public static boolean install(SettingsReloader reloader) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reloader.submit("signal"));
            LOG.info("SIGHUP reloads the runtime settings");
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warnf("SIGHUP cannot be handled here (%s); reload through the file or the admin call", e.getMessage());
            return false;
        }
    }
}

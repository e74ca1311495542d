package io.opsbridge.core.settings.reload;

import org.jboss.logging.Logger;

/**
 * {@code kill -HUP <pid>} enqueues a reload. The JVM's default would exit with code 129 and
 * Quarkus installs no handler; the handler only enqueues, the reload runs on the reload thread.
 *
 * <p>A process started with SIGHUP ignored ({@code nohup}, {@code trap '' HUP}) keeps it ignored:
 * the JVM does not replace an inherited ignore for HUP, so the handler is never called. That is
 * said at startup and in {@code GET /api/v1/admin/settings} ({@link Status}) instead of claiming a
 * reload that cannot happen.
 */
@SuppressWarnings("removal") // sun.misc.Signal: the only way to handle SIGHUP, jdk.unsupported
public final class HangupSignal {

    private static final Logger LOG = Logger.getLogger(HangupSignal.class);

    /** Whether {@code kill -HUP} reloads this process, and if not, why. */
    public record Status(boolean reloads, String detail) {
    }

    private HangupSignal() {
    }

    /** Installs the handler if this process can receive SIGHUP and says (logs) what a SIGHUP does here. */
    public static Status install(SettingsReloader reloader) {
        Status status = tryInstall(reloader);
        if (status.reloads()) {
            LOG.info(status.detail());
        } else {
            LOG.warn(status.detail());
        }
        return status;
    }

    /** SIGHUP turned off by {@code opsbridge.settings.signal=false}. */
    public static Status off() {
        Status status = new Status(false, "SIGHUP does not reload the runtime settings here "
                + "(opsbridge.settings.signal=false): reload through the file or the admin call");
        LOG.info(status.detail());
        return status;
    }

    private static Status tryInstall(SettingsReloader reloader) {
        sun.misc.SignalHandler previous;
        try {
            previous = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reloader.submit("signal"));
        } catch (IllegalArgumentException e) {
            return new Status(false, "SIGHUP cannot be handled here (" + e.getMessage()
                    + "): reload through the file or the admin call");
        }
        if (previous == sun.misc.SignalHandler.SIG_IGN) {
            return new Status(false, "SIGHUP is ignored by this process (it was started with SIGHUP ignored, "
                    + "e.g. under nohup, and the JVM keeps that): kill -HUP does nothing here; reload through "
                    + "the file or the admin call, or start it without nohup (setsid, a service manager)");
        }
        return new Status(true, "SIGHUP reloads the runtime settings");
    }
}

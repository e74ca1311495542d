package io.opsbridge.core.monitoring;

/**
 * The process's one {@link OperationsMonitor}, like a logger: the engine's call sites include
 * static helpers and objects built outside CDI (tests, embedders, {@code OperationsCore.builder}),
 * so they ask here instead of having a monitor passed down every constructor. Until an app
 * installs one, it is {@link OperationsMonitor#NONE}. One volatile read per call.
 */
public final class Monitoring {

    private static volatile OperationsMonitor monitor = OperationsMonitor.NONE;

    private Monitoring() {
    }

    /** The monitor in force. */
    public static OperationsMonitor monitor() {
        return monitor;
    }

    /** Makes {@code value} the monitor of this process (the app's metrics bean does, at startup). */
    public static void install(OperationsMonitor value) {
        monitor = value == null ? OperationsMonitor.NONE : value;
    }

    /** Goes back to counting nothing, if {@code value} is still the one installed (at shutdown). */
    public static void uninstall(OperationsMonitor value) {
        if (monitor == value) {
            monitor = OperationsMonitor.NONE;
        }
    }
}

package io.opsbridge.backend.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

/** Checks that nothing in this JVM polls operations on its own: no scheduler, no timer, no idle opsbridge thread. */
final class NoBackgroundWork {

    private NoBackgroundWork() {
    }

    /** The model registry's safety-net check (issue 7): it reads the registry, never an operation. */
    private static final String MODEL_RELOAD_THREAD = "opsbridge-model-reload";
    /**
     * The long-poll timer (issue 5): started by the first client that waits, it only ends waits and
     * runs wake-ups for waiting clients; idle otherwise (the second check below holds it to that).
     */
    private static final String LONG_POLL_THREAD = "opsbridge-long-poll";
    /** The audit trail's writer (issue 13): writes the rows of calls that were made, waits on its queue otherwise. */
    private static final String AUDIT_THREAD = "opsbridge-audit";
    /**
     * The settings file watch (issues 12 and 29): blocked on the settings folder's WatchService (the nearest
     * existing parent when the folder does not exist yet), it reads settings files, never an operation.
     */
    private static final String SETTINGS_WATCH_THREAD = "opsbridge-settings-watch";
    /** The replica heartbeat (issue 23): renews this replica's row in the replicas table, never reads an operation. */
    private static final String HEARTBEAT_THREAD = "opsbridge-replica-heartbeat";

    static void assertNoOperationsTimersOrPollers() {
        assertThat(onClasspath("io.quarkus.scheduler.Scheduler")).as("no Quarkus scheduler").isFalse();
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        Thread me = Thread.currentThread();
        assertThat(threads.keySet()).as("no worker, timer or poller thread of ours in host mode")
                .noneMatch(t -> t.getName().startsWith("opsbridge") && !t.getName().equals(MODEL_RELOAD_THREAD)
                        && !t.getName().equals(LONG_POLL_THREAD) && !t.getName().equals(AUDIT_THREAD)
                        && !t.getName().equals(SETTINGS_WATCH_THREAD) && !t.getName().equals(HEARTBEAT_THREAD));
        assertThat(threads.entrySet()).as("no other thread is running opsbridge code while nobody asks")
                .noneMatch(e -> e.getKey() != me && !e.getKey().getName().equals(SETTINGS_WATCH_THREAD)
                        && !e.getKey().getName().equals(HEARTBEAT_THREAD)
                        && Arrays.stream(e.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.opsbridge")));
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package io.opsbridge.core.monitoring;

/**
 * Where the time of one read that goes to its source is spent, per thread: the read runs on the
 * caller's thread from {@link #start} to {@link #finish}, and the bridge and host sites add their
 * share in between ({@link #addBridge}, {@link #addHost}); the rest is the store and our own work.
 * Only the cache-miss and forced paths come here, never a cache hit.
 *
 * <pre>{@code
 * long started = ReadTimes.start();
 * ... store, bridge (ReadTimes.addBridge), host (ReadTimes.addHost) ...
 * ReadTimes.finish(operationId, forced, started);
 * }</pre>
 */
public final class ReadTimes {

    /** [0] bridge nanos, [1] host nanos of the read in progress on this thread. */
    private static final ThreadLocal<long[]> PHASES = ThreadLocal.withInitial(() -> new long[2]);

    private ReadTimes() {
    }

    /** Begins a read on this thread; the value to hand to {@link #finish}. */
    public static long start() {
        long[] phases = PHASES.get();
        phases[0] = 0;
        phases[1] = 0;
        return System.nanoTime();
    }

    /** Time spent reading a local {@code ProgressBridge}. */
    public static void addBridge(long nanos) {
        PHASES.get()[0] += nanos;
    }

    /** Time spent waiting for a worker host. */
    public static void addHost(long nanos) {
        PHASES.get()[1] += nanos;
    }

    /** Ends the read begun at {@code started} and reports it to the monitor. */
    public static void finish(String operationId, boolean forced, long started) {
        long total = System.nanoTime() - started;
        long[] phases = PHASES.get();
        Monitoring.monitor().readFinished(operationId, forced, total, phases[0], phases[1]);
    }
}

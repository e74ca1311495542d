package io.opsbridge.core.monitoring;

/**
 * Where the time of one pull of a local bridge is spent, per thread: the pull runs on one thread
 * from {@link #start} to {@link #finish}, and the bridge reads add their share in between
 * ({@link #addBridge}); the rest is the store and our own work. Only pulls come here, never a
 * cache hit. (A host pull, which runs on no thread while the host answers, reports its own split.)
 *
 * <pre>{@code
 * long started = ReadTimes.start();
 * ... store, bridge (ReadTimes.addBridge) ...
 * ReadTimes.finish(operationId, forced, started);
 * }</pre>
 */
public final class ReadTimes {

    /** [0] bridge nanos of the pull in progress on this thread. */
    private static final ThreadLocal<long[]> PHASES = ThreadLocal.withInitial(() -> new long[1]);

    private ReadTimes() {
    }

    /** Begins a read on this thread; the value to hand to {@link #finish}. */
    public static long start() {
        long[] phases = PHASES.get();
        phases[0] = 0;
        return System.nanoTime();
    }

    /** Time spent reading a local {@code ProgressBridge}. */
    public static void addBridge(long nanos) {
        PHASES.get()[0] += nanos;
    }

    /** Ends the read begun at {@code started} and reports it to the monitor. */
    public static void finish(String operationId, boolean forced, long started) {
        long total = System.nanoTime() - started;
        long[] phases = PHASES.get();
        Monitoring.monitor().readFinished(operationId, forced, total, phases[0], 0);
    }
}

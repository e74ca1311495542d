package io.opsbridge.core.bridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * The in-memory meeting point of one worker and any number of readers.
 *
 * <p>The worker writes with plain synchronous calls; readers pull a {@link #snapshot()} and the
 * {@link #metrics(int) metrics after a cursor} whenever a client asks. Writers never wait for a
 * reader longer than one copy of the state, and a write allocates nothing but the event itself.
 *
 * <p>Subclasses add domain events on top of {@link #updateState} and {@link #appendMetric}:
 * <pre>{@code
 * void onEpoch(int epoch, double loss) {
 *     appendMetric(Map.of("epoch", epoch, "loss", loss));
 *     updateState(w -> w.currentStep("Epoch " + epoch));
 * }
 * }</pre>
 *
 * <p>Once {@link #requestCancel()} was called, every write throws {@link OperationCancelledException}
 * to the worker instead of writing: cancellation reaches the worker at its next progress report.
 */
public class ProgressBridge {

    // A StampedLock: the same write cost as synchronized/ReentrantLock alone, and the fastest when
    // refresh readers run beside the worker (docs/benchmarks.md). It is not reentrant, so nothing
    // inside a locked section calls back out.
    private final StampedLock lock = new StampedLock();
    private final State state = new State();
    private final List<Map<String, Object>> metrics = new ArrayList<>();
    private volatile boolean cancelRequested;
    // Null unless someone long-polls this operation, so a write normally pays one volatile read for it.
    private volatile Runnable writeListener;

    /** A copy of the current state; later writes do not change it. */
    public ProgressSnapshot snapshot() {
        long stamp = lock.readLock();
        try {
            return state.toSnapshot(metrics.size());
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * The metrics appended after the first {@code cursor} ones, and the cursor to use next.
     *
     * @throws IllegalArgumentException if {@code cursor} is negative
     */
    public MetricsPage metrics(int cursor) {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative, was " + cursor);
        }
        long stamp = lock.readLock();
        try {
            return MetricsPage.after(metrics, cursor);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Increases with every write; equal versions mean equal state. */
    public long version() {
        long stamp = lock.tryOptimisticRead();
        long version = state.version;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                version = state.version;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return version;
    }

    /** Asks the worker to stop: its next write throws {@link OperationCancelledException}. */
    public void requestCancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /**
     * Sets (or with null clears) a listener run on the writer's thread after each write, outside the
     * lock. It must only signal (set a flag, hand off a wake-up) and never block or read the bridge
     * itself; there is one slot, owned by the long-poll waiters of this operation.
     */
    public void setWriteListener(Runnable listener) {
        this.writeListener = listener;
    }

    private void afterWrite() {
        Runnable listener = writeListener;
        if (listener != null) {
            listener.run();
        }
    }

    /**
     * Changes the state in one step that readers see whole, and bumps the version.
     * The writer passed to {@code change} is valid only inside it.
     */
    protected final void updateState(Consumer<ProgressWriter> change) {
        throwIfCancelled();
        long stamp = lock.writeLock();
        try {
            change.accept(state);
            state.touch();
        } finally {
            lock.unlockWrite(stamp);
        }
        afterWrite();
    }

    /** Appends one metric (the map is kept as given: do not change it afterwards). */
    protected final void appendMetric(Map<String, Object> metric) {
        throwIfCancelled();
        long stamp = lock.writeLock();
        try {
            metrics.add(metric);
            state.touch();
        } finally {
            lock.unlockWrite(stamp);
        }
        afterWrite();
    }

    /** Appends a metric and changes the state as one write, for events that do both. */
    protected final void appendMetricAndUpdateState(Map<String, Object> metric, Consumer<ProgressWriter> change) {
        throwIfCancelled();
        long stamp = lock.writeLock();
        try {
            metrics.add(metric);
            change.accept(state);
            state.touch();
        } finally {
            lock.unlockWrite(stamp);
        }
        afterWrite();
    }

    private void throwIfCancelled() {
        if (cancelRequested) {
            throw new OperationCancelledException();
        }
    }

    /** The mutable state, only touched under the write lock. */
    private static final class State implements ProgressWriter {
        private double percentage;
        private String message;
        private String currentStep;
        private long stepsCompleted;
        private long stepsTotal;
        private long itemsProcessed;
        private long itemsTotal;
        private String currentItem;
        private Map<String, Object> context;
        private long updatedAtMillis;
        private long version;

        void touch() {
            updatedAtMillis = System.currentTimeMillis();
            version++;
        }

        ProgressSnapshot toSnapshot(int metricsCount) {
            return new ProgressSnapshot(percentage, message, currentStep, stepsCompleted, stepsTotal,
                    itemsProcessed, itemsTotal, currentItem,
                    context == null ? Map.of() : Map.copyOf(context),
                    version == 0 ? null : Instant.ofEpochMilli(updatedAtMillis), version, metricsCount);
        }

        @Override
        public ProgressWriter percentage(double percentage) {
            this.percentage = percentage;
            return this;
        }

        @Override
        public ProgressWriter message(String message) {
            this.message = message;
            return this;
        }

        @Override
        public ProgressWriter currentStep(String currentStep) {
            this.currentStep = currentStep;
            return this;
        }

        @Override
        public ProgressWriter steps(long completed, long total) {
            this.stepsCompleted = completed;
            this.stepsTotal = total;
            return this;
        }

        @Override
        public ProgressWriter items(long processed, long total) {
            this.itemsProcessed = processed;
            this.itemsTotal = total;
            return this;
        }

        @Override
        public ProgressWriter currentItem(String currentItem) {
            this.currentItem = currentItem;
            return this;
        }

        @Override
        public ProgressWriter context(String key, Object value) {
            if (value == null) {
                if (context != null) {
                    context.remove(key);
                }
                return this;
            }
            if (context == null) {
                context = new HashMap<>();
            }
            context.put(key, value);
            return this;
        }
    }
}

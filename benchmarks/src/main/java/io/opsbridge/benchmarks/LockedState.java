package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.bridge.ProgressWriter;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * The bridge's state-update path (cancel check, lock, apply the change to the reused writer, touch,
 * unlock) and its snapshot path (lock, copy, unlock), with the lock as the only difference.
 */
abstract class LockedState {

    protected final CopiedState state = new CopiedState();
    private volatile boolean cancelRequested;

    abstract void update(Consumer<ProgressWriter> change);

    abstract ProgressSnapshot snapshot();

    protected final void throwIfCancelled() {
        if (cancelRequested) {
            throw new IllegalStateException("cancelled");
        }
    }

    static LockedState of(String kind) {
        return switch (kind) {
            case "synchronized" -> new Synchronized();
            case "reentrantLock" -> new Reentrant();
            case "stampedLock" -> new Stamped();
            default -> throw new IllegalArgumentException("unknown lock " + kind);
        };
    }

    static final class Synchronized extends LockedState {
        @Override
        void update(Consumer<ProgressWriter> change) {
            throwIfCancelled();
            synchronized (this) {
                change.accept(state);
                state.touch();
            }
        }

        @Override
        synchronized ProgressSnapshot snapshot() {
            return state.toSnapshot();
        }
    }

    static final class Reentrant extends LockedState {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        void update(Consumer<ProgressWriter> change) {
            throwIfCancelled();
            lock.lock();
            try {
                change.accept(state);
                state.touch();
            } finally {
                lock.unlock();
            }
        }

        @Override
        ProgressSnapshot snapshot() {
            lock.lock();
            try {
                return state.toSnapshot();
            } finally {
                lock.unlock();
            }
        }
    }

    /** What {@code ProgressBridge.updateState} does. */
    static final class Stamped extends LockedState {
        private final StampedLock lock = new StampedLock();

        @Override
        void update(Consumer<ProgressWriter> change) {
            throwIfCancelled();
            long stamp = lock.writeLock();
            try {
                change.accept(state);
                state.touch();
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        ProgressSnapshot snapshot() {
            long stamp = lock.readLock();
            try {
                return state.toSnapshot();
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }
}

package io.opsbridge.backend.models.serving;

import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.workloads.training.DirectionPredictor;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model loaded into native memory, shared by every request that uses it and closed when the
 * last one lets go.
 *
 * <p>It counts references: one for the {@link ServingSlot} that serves it and one per request in
 * flight. Replacing it drops the slot's reference; the native resources are freed by whichever
 * release brings the count to zero, so a request never sees its model closed under it.
 */
public final class LoadedModel {

    private volatile ModelVersion version;
    private final DirectionPredictor predictor;
    private final Instant loadedAt;
    private final long loadMillis;
    private final AtomicInteger references = new AtomicInteger(1);

    LoadedModel(ModelVersion version, DirectionPredictor predictor, Instant loadedAt, long loadMillis) {
        this.version = version;
        this.predictor = predictor;
        this.loadedAt = loadedAt;
        this.loadMillis = loadMillis;
    }

    public ModelVersion version() {
        return version;
    }

    public DirectionPredictor predictor() {
        return predictor;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** How long loading and the smoke prediction took. */
    public long loadMillis() {
        return loadMillis;
    }

    /** Takes the newer registry row of the same version (e.g. after its activation); the weights stay. */
    public void describe(ModelVersion newer) {
        if (newer.id() != version.id()) {
            throw new IllegalArgumentException(newer.label() + " is not " + version.label());
        }
        version = newer;
    }

    /** Requests using it now (the serving slot's own reference excluded while it serves). */
    public int references() {
        return references.get();
    }

    public boolean isClosed() {
        return references.get() == 0;
    }

    /** Takes a reference unless the model was already closed. */
    boolean tryAcquire() {
        for (;;) {
            int n = references.get();
            if (n == 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the model. Also discards a model that was never served. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            predictor.close();
        } else if (left < 0) {
            throw new IllegalStateException("model " + version.label() + " released more often than acquired");
        }
    }
}

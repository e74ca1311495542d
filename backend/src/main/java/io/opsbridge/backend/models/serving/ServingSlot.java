package io.opsbridge.backend.models.serving;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one reference through which a strategy's requests find their model. A reload swaps it in a
 * single step: requests that leased the old model finish on it, every later request gets the new one.
 */
public final class ServingSlot {

    private final AtomicReference<LoadedModel> current = new AtomicReference<>();

    /** A lease on the serving model, or empty if none is loaded. */
    public Optional<ModelLease> lease() {
        for (;;) {
            LoadedModel model = current.get();
            if (model == null) {
                return Optional.empty();
            }
            if (model.tryAcquire()) {
                return Optional.of(new ModelLease(model));
            }
            // it was replaced and closed between the read and the acquire: read the new one
        }
    }

    public Optional<LoadedModel> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Serves {@code next} from now on and drops the slot's reference to the previous model, which
     * closes once its last request ends. {@code null} stops serving.
     *
     * @return the model served before, if any (it may already be closed)
     */
    public Optional<LoadedModel> swap(LoadedModel next) {
        LoadedModel previous = current.getAndSet(next);
        if (previous != null && previous != next) {
            previous.release();
        }
        return Optional.ofNullable(previous);
    }

}

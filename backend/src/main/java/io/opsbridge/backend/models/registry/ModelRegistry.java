package io.opsbridge.backend.models.registry;

import io.opsbridge.backend.models.ModelLoadException;
import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.ModelStatus;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.NoModelLoadedException;
import io.opsbridge.backend.models.ReloadResult;
import io.opsbridge.backend.models.serving.LoadedModel;
import io.opsbridge.backend.models.serving.ModelLease;
import io.opsbridge.backend.models.serving.ModelLoader;
import io.opsbridge.backend.models.serving.ServingSlot;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The registry of trained models and the models that serve: what is active in the database and
 * what is loaded here, kept in step with zero downtime.
 *
 * <p>Every change of the serving model, by {@link #activate} or {@link #reloadIfChanged}, loads the
 * new model fully and runs a smoke prediction before one reference is swapped. Requests hold a
 * {@link ModelLease} on the model they started with; the old model is closed after the last of
 * them. A model that cannot load never becomes active through {@link #activate} and never
 * replaces a serving one.
 *
 * <pre>{@code
 * registry.activate("mlp_direction", "v3");          // load, smoke-test, mark active, swap
 * try (ModelLease lease = registry.lease("mlp_direction")) { ... lease.predictor() ... }
 * }</pre>
 */
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ModelRegistryStore store;
    private final ModelLoader loader;
    private final ConcurrentMap<String, ServingSlot> slots = new ConcurrentHashMap<>();
    // one load at a time: two loads of the same version would race for the slot
    private final ReentrantLock changes = new ReentrantLock();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();
    private final List<Consumer<ModelVersion>> activationListeners = new CopyOnWriteArrayList<>();
    private volatile boolean initialized;
    private volatile ReloadFailure lastFailure;

    /** A load that failed, for {@code /api/v1/model/info} and the health check. */
    public record ReloadFailure(String strategy, String version, String message, Instant at) {
    }

    public ModelRegistry(ModelRegistryStore store, ModelLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    public ModelRegistryStore store() {
        return store;
    }

    /**
     * Loads the active version of each strategy; a failure is logged, never thrown, so the
     * application starts and the background check retries. Until this returns, requests get 503.
     */
    public void initialize(Set<String> strategies) {
        for (String strategy : strategies) {
            try {
                ReloadResult result = reloadIfChanged(strategy);
                LOG.infof("model registry start, %s: %s", strategy, result.message());
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: start anyway, the background check retries
                LOG.errorf(e, "model registry start, %s: no model loaded", strategy);
            }
        }
        initialized = true;
    }

    public boolean isInitialized() {
        return initialized;
    }

    /**
     * Serves the strategy's active version if it is not the one serving: loads it fully, smoke-tests
     * it, then swaps. A version that cannot load leaves the serving model in place and answers a
     * failure naming the cause, never "up to date".
     */
    public ReloadResult reloadIfChanged(String strategy) {
        changes.lock();
        try {
            Optional<ModelVersion> active = store.active(strategy);
            Optional<LoadedModel> serving = slot(strategy).current();
            String servingVersion = serving.map(m -> m.version().version()).orElse(null);
            if (active.isEmpty()) {
                return ReloadResult.unchanged(servingVersion, servingVersion == null
                        ? "no active version of " + strategy + " in the registry"
                        : "no active version of " + strategy + " in the registry; " + servingVersion + " keeps serving");
            }
            ModelVersion wanted = active.get();
            if (serving.isPresent() && serving.get().version().id() == wanted.id()) {
                serving.get().describe(wanted);
                return ReloadResult.unchanged(servingVersion, "already up to date: " + wanted.label() + " is serving");
            }
            LoadedModel next;
            try {
                next = loader.load(wanted);
            } catch (ModelLoadException e) {
                return failed(wanted, servingVersion, e);
            }
            swap(strategy, next);
            return ReloadResult.reloaded(wanted.version(), servingVersion,
                    "loaded " + wanted.label() + " in " + next.loadMillis() + " ms");
        } finally {
            changes.unlock();
        }
    }

    /**
     * {@link #reloadIfChanged} asked for by a user ({@code POST /api/v1/model/reload}): a version it
     * brings into service is told to the activation listeners too, like an activation.
     */
    public ReloadResult reloadOnRequest(String strategy) {
        ReloadResult result = reloadIfChanged(strategy);
        if (result.reloaded()) {
            serving(strategy).ifPresent(m -> activationListeners.forEach(listener -> listener.accept(m.version())));
        }
        return result;
    }

    /**
     * Makes a version the strategy's active one and serves it at once. It is loaded and smoke-tested
     * first; if that fails it is marked {@code failed}, the previous version stays active and serving,
     * and the failure is thrown.
     *
     * @throws ModelNotFoundException if there is no such version
     * @throws ModelLoadException     if it cannot be loaded
     */
    public ModelVersion activate(String strategy, String version) {
        changes.lock();
        try {
            ModelVersion target = store.find(strategy, version).orElseThrow(() -> new ModelNotFoundException(strategy, version));
            Optional<LoadedModel> serving = slot(strategy).current();
            if (target.status() == ModelStatus.ACTIVE && serving.isPresent() && serving.get().version().id() == target.id()) {
                return target;
            }
            LoadedModel next;
            try {
                next = loader.load(target);
            } catch (ModelLoadException e) {
                store.markFailed(strategy, version, e.getMessage());
                failed(target, serving.map(m -> m.version().version()).orElse(null), e);
                throw e;
            }
            ModelVersion activated;
            try {
                activated = store.activate(strategy, version);
            } catch (RuntimeException e) {
                next.release();
                throw e;
            }
            next.describe(activated);
            swap(strategy, next);
            activationListeners.forEach(listener -> listener.accept(activated));
            return activated;
        } finally {
            changes.unlock();
        }
    }

    /**
     * Told of every version that {@link #activate} or {@link #reloadOnRequest} brought into service (not
     * of the background check's reloads), e.g. to broadcast it to the other replicas; must not block.
     */
    public void onActivation(Consumer<ModelVersion> listener) {
        activationListeners.add(listener);
    }

    /**
     * A hold on the strategy's serving model for one request.
     *
     * @throws NoModelLoadedException if the registry is still starting, or the strategy has models
     *         but none is loaded (503: worth a retry)
     * @throws ModelNotFoundException   if the strategy has no model at all (404: a retry cannot help)
     */
    public ModelLease lease(String strategy) {
        if (!initialized) {
            throw new NoModelLoadedException("Model registry not initialized");
        }
        ServingSlot slot = slots.get(strategy);
        return Optional.ofNullable(slot).flatMap(ServingSlot::lease).orElseThrow(() -> store.list(strategy).isEmpty()
                ? new ModelNotFoundException(strategy)
                : new NoModelLoadedException("no model loaded for strategy " + strategy
                        + "; activate one (POST /api/v1/models/" + strategy + "/{version}/activate)"));
    }

    /** The model serving the strategy now, if any. */
    public Optional<LoadedModel> serving(String strategy) {
        return Optional.ofNullable(slots.get(strategy)).flatMap(ServingSlot::current);
    }

    /** Strategies with a model loaded here. */
    public Set<String> servedStrategies() {
        return slots.entrySet().stream().filter(e -> e.getValue().current().isPresent()).map(e -> e.getKey())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public long reloads() {
        return reloads.get();
    }

    public long failedReloads() {
        return failedReloads.get();
    }

    public Optional<ReloadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Stops serving everything; each model closes after its last request. */
    public void close() {
        slots.values().forEach(slot -> slot.swap(null));
    }

    private void swap(String strategy, LoadedModel next) {
        Optional<LoadedModel> previous = slot(strategy).swap(next);
        reloads.incrementAndGet();
        LOG.infof("model %s now serving (loaded in %d ms); previous: %s", next.version().label(), next.loadMillis(),
                previous.map(m -> m.version().version()).orElse("none"));
    }

    private ReloadResult failed(ModelVersion wanted, String servingVersion, ModelLoadException e) {
        failedReloads.incrementAndGet();
        lastFailure = new ReloadFailure(wanted.strategyName(), wanted.version(), e.getMessage(), Instant.now());
        LOG.errorf(e, "model %s not loaded; %s keeps serving", wanted.label(),
                servingVersion == null ? "nothing" : servingVersion);
        return ReloadResult.failure(servingVersion, e.getMessage()
                + (servingVersion == null ? "; no model is serving" : "; " + servingVersion + " keeps serving"));
    }

    private ServingSlot slot(String strategy) {
        return slots.computeIfAbsent(strategy, s -> new ServingSlot());
    }
}

package io.opsbridge.core.hosts;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts work of one type where its request's mode says: {@code local} on this process's workers,
 * {@code host} on the next host that takes it, or on the {@link WorkEngine} the settings select (e.g.
 * a Kubernetes Job). The mode of a request that names none, the engine and the host list are read
 * from the current settings at each request; either way the client follows the backend's own operation id.
 *
 * <pre>{@code
 * TrainingRequest valid = trainings.validate(request);   // 400 naming the field
 * OperationInfo running = trainings.start(valid);         // returns at once
 * }</pre>
 */
public final class WorkRouter<R extends WorkRequest> {

    private final WorkType type;
    private final Supplier<? extends RoutingConfig> routing;
    private final HostStarter hosts;
    private final LocalWork<R> local;
    private final OperationLifecycle lifecycle;
    private final Supplier<Optional<WorkEngine<R>>> engine;

    public WorkRouter(WorkType type, Supplier<? extends RoutingConfig> routing, HostStarter hosts, LocalWork<R> local,
            OperationLifecycle lifecycle) {
        this(type, routing, hosts, local, lifecycle, Optional::empty);
    }

    /** A router whose host work goes to the engine {@code engine} selects now, or to the host list when it selects none. */
    public WorkRouter(WorkType type, Supplier<? extends RoutingConfig> routing, HostStarter hosts, LocalWork<R> local,
            OperationLifecycle lifecycle, Supplier<Optional<WorkEngine<R>>> engine) {
        this.engine = engine;
        this.type = type;
        this.routing = routing;
        this.hosts = hosts;
        this.local = local;
        this.lifecycle = lifecycle;
    }

    /**
     * Checks the request; returns it with defaults applied (a missing mode becomes the configured
     * default), or throws a 400 naming the field. Host mode checks the fields only: the data is
     * the host's business.
     */
    public R validate(R request) {
        R routed = request != null && (request.mode() == null || request.mode().isBlank())
                ? withMode(request, routing.get().defaultMode())
                : request;
        R valid = local.checkFields().apply(routed);
        if (!WorkRequest.MODE_HOST.equals(valid.mode())) {
            return local.checkHere().apply(valid);
        }
        Optional<WorkEngine<R>> selected = engine.get();
        if (selected.isPresent()) {
            selected.get().checkConfigured();
            return valid;
        }
        if (!hosts.configured()) {
            throw new InvalidRequestException("mode", "mode=host is not configured on this backend: no " + type.name()
                    + " hosts are configured (" + type.hostsKey() + "); use mode=local");
        }
        return valid;
    }

    /**
     * Records the work and queues it here, or starts it on a host; returns at once, before any of the
     * work. What the run would draw at random is drawn here and recorded ({@link WorkRequest#reproducible}).
     */
    public OperationInfo start(R checked) {
        @SuppressWarnings("unchecked") // every WorkRequest's reproducible returns its own type
        R valid = (R) checked.reproducible();
        if (WorkRequest.MODE_HOST.equals(valid.mode())) {
            Optional<WorkEngine<R>> selected = engine.get();
            return selected.isPresent() ? selected.get().start(valid) : hosts.start(valid);
        }
        OperationInfo created = lifecycle.create(type.type(),
                OperationMetadata.local(valid.symbols(), valid.timeframe(), valid.toParameters()));
        return local.submit().apply(created, valid);
    }

    /**
     * Starts {@code valid} on the next reachable host for the operation {@code operationId}, recording
     * nothing: a new attempt of an operation whose host was lost.
     */
    public HostPool.Started<HostStarted> placeOnHost(R valid, String operationId) {
        return hosts.place(valid, operationId);
    }

    @SuppressWarnings("unchecked") // every WorkRequest's withMode returns its own type
    private R withMode(R request, String mode) {
        return (R) request.withMode(mode);
    }
}

package io.opsbridge.core.hosts;

import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.RestClients;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Builds the {@link WorkRouter} of each kind of work, its routing read from {@link Settings#current()} at each use. */
@ApplicationScoped
public class WorkRouters {

    private final Settings settings;
    private final RestClients clients;
    private final HostedOperations hosted;
    private final OperationLifecycle lifecycle;

    public WorkRouters(Settings settings, RestClients clients, HostedOperations hosted, OperationLifecycle lifecycle) {
        this.settings = settings;
        this.clients = clients;
        this.hosted = hosted;
        this.lifecycle = lifecycle;
    }

    /** The router of {@code type}, running local work through {@code local}, posting a host the request itself. */
    public <R extends WorkRequest> WorkRouter<R> router(WorkType type, LocalWork<R> local) {
        return router(type, local, (request, operationId) -> request);
    }

    /**
     * The router of {@code type}, running local work through {@code local}, posting a host what
     * {@code hostBody} makes of a request and the backend operation id it will be recorded as.
     */
    public <R extends WorkRequest> WorkRouter<R> router(WorkType type, LocalWork<R> local,
            BiFunction<R, String, Object> hostBody) {
        return router(type, local, hostBody, Optional::empty);
    }

    /**
     * As {@link #router(WorkType, LocalWork, BiFunction)}, host work going to the {@link WorkEngine}
     * {@code engine} selects at each request (read from the current settings), the host list when none.
     */
    @SuppressWarnings("unchecked") // the router starts only its own R on a host
    public <R extends WorkRequest> WorkRouter<R> router(WorkType type, LocalWork<R> local,
            BiFunction<R, String, Object> hostBody, Supplier<Optional<WorkEngine<R>>> engine) {
        Supplier<RoutingConfig> routing = () -> settings.current().section(type.routing());
        HostStarter hosts = new HostStarter(type, () -> routing.get().hosts().orElse(List.of()), clients, hosted,
                (request, operationId) -> hostBody.apply((R) request, operationId));
        return new WorkRouter<>(type, routing, hosts, local, lifecycle, engine);
    }
}

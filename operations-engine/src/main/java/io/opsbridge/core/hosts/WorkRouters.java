package io.opsbridge.core.hosts;

import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.RestClients;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /** The router of {@code type}, running local work through {@code local}. */
    public <R extends WorkRequest> WorkRouter<R> router(WorkType type, LocalWork<R> local) {
        Supplier<RoutingConfig> routing = () -> settings.current().section(type.routing());
        HostStarter hosts = new HostStarter(type, () -> routing.get().hosts().orElse(List.of()), clients, hosted);
        return new WorkRouter<>(type, routing, hosts, local, lifecycle);
    }
}

package io.opsbridge.backend.replicas;

import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.reload.broadcast.BroadcastActivity;
import io.opsbridge.backend.reload.broadcast.ReloadBroadcast;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** What this replica serves now: the model version of each strategy, its settings, its broadcast subscription. */
@ApplicationScoped
public class ServedState {

    private final ReplicaIdentity me;
    private final ModelRegistry registry;
    private final Settings settings;
    private final ReloadBroadcast broadcast;
    private final Clock clock = Clock.systemUTC();

    public ServedState(ReplicaIdentity me, ModelRegistry registry, Settings settings, ReloadBroadcast broadcast) {
        this.me = me;
        this.registry = registry;
        this.settings = settings;
        this.broadcast = broadcast;
    }

    public ReplicaState now() {
        Map<String, String> served = new TreeMap<>();
        for (String strategy : registry.servedStrategies()) {
            registry.serving(strategy).ifPresent(m -> served.put(strategy, m.version().version()));
        }
        var current = settings.current();
        BroadcastActivity activity = broadcast.activity();
        return new ReplicaState(me.nodeId(), served, current.version(), current.origin().sha256(),
                current.origin().appliedAt(), activity.pending(), activity.subscriberState(), activity.lastReloadAt(),
                activity.lastError(), clock.instant());
    }
}

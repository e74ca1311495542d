package io.opsbridge.backend.replicas;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.reload.broadcast.BroadcastStatus;
import io.opsbridge.backend.replicas.ReplicasResource.ReplicaView;
import io.opsbridge.backend.replicas.ReplicasResource.ReplicasAnswer;
import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.Replica;
import io.opsbridge.core.replicas.ReplicaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds the replica view from the {@code replicas} table, the owners of operations and the model registry. */
@ApplicationScoped
public class ReplicaViews {

    static final String LIVE = "live";
    static final String STOPPING = "stopping";
    /** No renewed stamp for three heartbeats: stopped without SIGTERM (killed), or cut off from the database. */
    static final String SILENT = "silent";

    private final JdbcReplicaStore store;
    private final ModelRegistry registry;
    private final ReplicaConfig config;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ReplicaViews(JdbcReplicaStore store, ModelRegistry registry, ReplicaConfig config, ObjectMapper json) {
        this.store = store;
        this.registry = registry;
        this.config = config;
        this.json = json;
    }

    ReplicasAnswer all(BroadcastStatus broadcast) {
        Instant now = clock.instant();
        Map<String, Long> owned = store.unfinishedOwned();
        List<Replica> replicas = store.all();
        List<ReplicaState> liveStates = new ArrayList<>();
        Map<String, String> liveness = new TreeMap<>();
        Map<String, ReplicaState> states = new TreeMap<>();
        for (Replica replica : replicas) {
            liveness.put(replica.nodeId(), liveness(replica, now));
            ReplicaState state = state(replica);
            if (state != null) {
                states.put(replica.nodeId(), state);
                if (LIVE.equals(liveness.get(replica.nodeId()))) {
                    liveStates.add(state);
                }
            }
        }
        Map<String, String> active = new TreeMap<>();
        for (ReplicaState state : liveStates) {
            for (String strategy : state.models().keySet()) {
                active.computeIfAbsent(strategy, s -> registry.store().active(s).map(ModelVersion::version).orElse(null));
            }
        }
        // the settings applied last anywhere are the newest; a replica on another hash has not caught up
        String newest = liveStates.stream().filter(s -> s.settingsAppliedAt() != null && s.settingsHash() != null)
                .max(Comparator.comparing(ReplicaState::settingsAppliedAt)).map(ReplicaState::settingsHash).orElse(null);
        List<ReplicaView> views = new ArrayList<>();
        for (Replica replica : replicas) {
            ReplicaState state = states.get(replica.nodeId());
            String live = liveness.get(replica.nodeId());
            List<String> reasons = LIVE.equals(live) && state != null ? lagReasons(state, active, newest) : List.of();
            views.add(new ReplicaView(replica.nodeId(), replica.instanceId(), replica.advertisedUrl(), live,
                    replica.startedAt(), replica.heartbeatAt(), owned.getOrDefault(replica.nodeId(), 0L), state,
                    !reasons.isEmpty(), reasons));
        }
        int lagging = (int) views.stream().filter(ReplicaView::lagging).count();
        int liveCount = (int) views.stream().filter(v -> LIVE.equals(v.liveness())).count();
        return new ReplicasAnswer(broadcast, active, newest, views, views.size(), liveCount, lagging);
    }

    private String liveness(Replica replica, Instant now) {
        if (replica.stopping()) {
            return STOPPING;
        }
        return replica.silentFor(now).compareTo(config.heartbeatInterval().multipliedBy(3)) > 0 ? SILENT : LIVE;
    }

    private ReplicaState state(Replica replica) {
        if (replica.servesJson() == null) {
            return null;
        }
        try {
            return json.readValue(replica.servesJson(), ReplicaState.class);
        } catch (IOException e) {
            return null; // written by another version: the view shows the replica without it
        }
    }

    private static List<String> lagReasons(ReplicaState state, Map<String, String> active, String newest) {
        List<String> reasons = new ArrayList<>();
        active.forEach((strategy, version) -> {
            String served = state.models().get(strategy);
            if (version != null && !version.equals(served)) {
                reasons.add(strategy + ": serves " + Objects.toString(served, "nothing") + ", registry has " + version
                        + " active");
            }
        });
        if (newest != null && !newest.equals(state.settingsHash())) {
            reasons.add("settings: " + shortHash(state.settingsHash()) + ", newest is " + shortHash(newest));
        }
        if (state.pending() != null) {
            reasons.add("settings " + shortHash(state.pending()) + " announced, not in this replica's file yet");
        }
        return reasons;
    }

    private static String shortHash(String hash) {
        return hash == null ? "startup configuration" : hash.substring(0, Math.min(12, hash.length()));
    }
}

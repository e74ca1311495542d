package io.opsbridge.core.replicas;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.SourceKind;
import io.opsbridge.core.proxy.HostTimeouts;
import io.opsbridge.core.proxy.RestClients;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Local operations that another replica runs: recognised by the owner recorded on the operation
 * ({@code operations.owner_node}) being another node, and followed through that owner by an
 * {@link OwnerProgressSource}. Off without a cluster token: then nothing is forwarded and this
 * replica answers from the stored record.
 */
public final class ReplicaSources implements SourceKind {

    private record ClientKey(String url, HostTimeouts timeouts) {
    }

    private final ReplicaIdentity me;
    private final JdbcReplicaStore replicas;
    private final OperationStore store;
    private final Settings settings;
    private final Clock clock;
    private final String clusterToken;
    private final Supplier<String> caller;
    private final Consumer<String> forget;
    private final Map<ClientKey, OwnerApi> clients = new ConcurrentHashMap<>();

    /**
     * @param caller the audit name of the caller a cancel is forwarded for, or null where there is none
     * @param forget forgets the source of an operation (the registry's remove), once its owner answered it ended
     */
    public ReplicaSources(ReplicaIdentity me, JdbcReplicaStore replicas, OperationStore store, Settings settings,
            Clock clock, Optional<String> clusterToken, Supplier<String> caller, Consumer<String> forget) {
        this.me = me;
        this.replicas = replicas;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.clusterToken = clusterToken.filter(t -> !t.isBlank()).map(String::trim).orElse(null);
        this.caller = caller;
        this.forget = forget;
    }

    @Override
    public Optional<ProgressSource> attach(OperationInfo info) {
        boolean local = info.metadata() == null || !"host".equals(info.metadata().mode());
        if (clusterToken == null || !local || info.status() != OperationStatus.RUNNING) {
            return Optional.empty();
        }
        return replicas.ownerOf(info.operationId()).filter(node -> !node.equals(me.nodeId()))
                .flatMap(replicas::find)
                .map(owner -> new OwnerProgressSource(info.operationId(), owner, me, replicas, store, this::client,
                        caller, () -> forget.accept(info.operationId()), settings, clock));
    }

    /** The client of an owner at {@code url} with the proxy timeouts in force, presenting the cluster token. */
    private OwnerApi client(String url) {
        HostTimeouts timeouts = HostTimeouts.of(settings.current().proxy());
        return clients.computeIfAbsent(new ClientKey(url, timeouts),
                key -> RestClients.build(OwnerApi.class, url, timeouts, clusterToken));
    }
}

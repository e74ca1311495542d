package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.MetricsEnd;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of progress sources: what each unfinished operation of this process is read from.
 * A local operation's bridge is registered before its worker starts; an operation that runs
 * elsewhere is attached on its first query by the {@link SourceKind} that recognises where it runs
 * (a worker host: {@link HostSources}), so any replica answers for it, also after a restart.
 * Finished operations leave the registry, so memory stays bounded.
 */
public class ProgressSources {

    private final OperationStore store;
    private final Settings settings;
    private final Clock clock;
    private final List<SourceKind> kinds = new CopyOnWriteArrayList<>();
    private final Map<String, ProgressSource> sources = new ConcurrentHashMap<>();

    public ProgressSources(OperationStore store, Settings settings, Clock clock, List<SourceKind> kinds) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.kinds.addAll(kinds);
    }

    /** Follows operations that run at places of {@code kind} too (asked after the kinds already known). */
    public void addKind(SourceKind kind) {
        kinds.add(kind);
    }

    /** Makes {@code bridge} the source of a local operation; do this before its worker starts. */
    public void registerLocal(String operationId, ProgressBridge bridge) {
        registerLocal(operationId, bridge, false);
    }

    /**
     * {@link #registerLocal(String, ProgressBridge)}; {@code continues}: the bridge runs a new attempt,
     * whose metrics go on after those stored (an epoch stored already is not stored again).
     */
    public void registerLocal(String operationId, ProgressBridge bridge, boolean continues) {
        register(operationId, new LocalProgressSource(operationId, bridge, store, clock, settings,
                continues ? store.metricsEnd(operationId) : MetricsEnd.START));
    }

    /** Makes {@code source} the source of {@code operationId}, replacing any. */
    public void register(String operationId, ProgressSource source) {
        sources.put(operationId, source);
    }

    /**
     * Follows {@code info} (whatever its status: e.g. just created for a host that has started it)
     * from where its record says it runs; false if no kind recognises it.
     */
    public boolean follow(OperationInfo info) {
        return attached(info).isPresent();
    }

    /** The source of {@code info}: the registered one, or, if it is running, one attached now from where it runs. */
    public Optional<ProgressSource> of(OperationInfo info) {
        ProgressSource source = sources.get(info.operationId());
        if (source != null || info.status() != OperationStatus.RUNNING) {
            return Optional.ofNullable(source);
        }
        return attached(info);
    }

    /** The registered source of an operation, without attaching anything. */
    public Optional<ProgressSource> registered(String operationId) {
        return Optional.ofNullable(sources.get(operationId));
    }

    /** {@link #registered}, or null: the cached read's lookup, which allocates nothing. */
    public ProgressSource registeredOrNull(String operationId) {
        return sources.get(operationId);
    }

    /** Forgets the source of a finished (or discarded) operation. */
    public void remove(String operationId) {
        sources.remove(operationId);
    }

    private Optional<ProgressSource> attached(OperationInfo info) {
        return Optional.ofNullable(sources.computeIfAbsent(info.operationId(), id -> kinds.stream()
                .flatMap(kind -> kind.attach(info).stream()).findFirst().orElse(null)));
    }
}

package io.opsbridge.core;

import io.opsbridge.core.settings.StallPolicy;
import io.opsbridge.core.settings.StallConfig;
import io.opsbridge.core.settings.OperationsConfig;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationType;
import io.opsbridge.api.OperationStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.store.InMemoryRemoteMappingStore;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import io.opsbridge.core.settings.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Creates operations, moves them through their life and answers for them by pulling.
 *
 * <p>Nothing here runs in the background: a running operation's progress is read from its bridge
 * when a client asks, at most once per cache TTL however many clients ask
 * ({@code force_refresh} skips the cache). Terminal operations are never refreshed again.
 */
@ApplicationScoped
public class OperationsService {

    private static final Logger LOG = Logger.getLogger(OperationsService.class);

    private final OperationStore store;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Cache<String, OperationInfo> cache;
    private final Map<String, BridgeFollower> followers = new ConcurrentHashMap<>();
    private final Map<String, RemoteFollower> remotes = new ConcurrentHashMap<>();
    private volatile RemoteCompletion remoteCompletion = RemoteCompletion.NONE;
    private final Duration progressPersistInterval;
    private final StallPolicy stallPolicy;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();
    private RemoteMappingStore mappings;
    /** Builds the proxy of a host URL, for operations started by another replica; null until set. */
    private volatile Function<String, OperationServiceProxy> hostProxies;

    @Inject
    public OperationsService(OperationStore store, RemoteMappingStore mappings, OperationsConfig config,
            StoreConfig storeConfig, StallConfig stallConfig) {
        this(store, config.cacheTtl(), config.cacheMaxSize(), Ticker.systemTicker(), Clock.systemUTC(),
                storeConfig.progressPersistInterval(), StallPolicy.from(stallConfig));
        this.mappings = mappings;
    }

    /** For tests and embedding: an explicit TTL, and a ticker and clock that a test can move. */
    public OperationsService(OperationStore store, Duration cacheTtl, long cacheMaxSize, Ticker ticker, Clock clock) {
        this(store, cacheTtl, cacheMaxSize, ticker, clock, Duration.ZERO, StallPolicy.NEVER);
    }

    /**
     * As above, plus how often a running operation's progress is written to the store and when a
     * quiet operation counts as stalled or lost.
     */
    public OperationsService(OperationStore store, Duration cacheTtl, long cacheMaxSize, Ticker ticker, Clock clock,
            Duration progressPersistInterval, StallPolicy stallPolicy) {
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheMaxSize).ticker(ticker).build();
        this.progressPersistInterval = progressPersistInterval;
        this.stallPolicy = stallPolicy;
        this.mappings = new InMemoryRemoteMappingStore(store);
    }

    /**
     * For tests and embedding: keeps remote mappings in {@code mappings} (e.g. the database, shared
     * by replicas) instead of this process's memory.
     */
    public OperationsService withRemoteMappings(RemoteMappingStore mappings) {
        this.mappings = mappings;
        return this;
    }

    /**
     * Lets this service follow a running host operation that has no follower here (another replica
     * started it, or this process restarted): on the first query it is attached from its metadata
     * ({@code mode=host}, {@code host_service_url}, {@code host_operation_id}) with the proxy this
     * function builds. A seam, set at startup by {@link io.opsbridge.core.proxy.RemoteOperationsRecovery},
     * so this class needs no proxy factory of its own.
     */
    public void followHostsThrough(Function<String, OperationServiceProxy> proxyForHostUrl) {
        this.hostProxies = proxyForHostUrl;
    }

    /** Sets what happens to a host's result before a remote operation is recorded as completed. */
    public void onRemoteCompletion(RemoteCompletion completion) {
        this.remoteCompletion = completion;
    }

    private Map<String, Object> completeRemote(OperationInfo record, Map<String, Object> hostResult) {
        return remoteCompletion.completed(record, hostResult);
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Records a new pending operation. */
    public OperationInfo create(OperationType type, OperationMetadata metadata) {
        return create(OperationIds.newId(type, clock.instant()), type, metadata);
    }

    /** Records a new pending operation under an id the caller chose, e.g. {@code host_training_{session_id}}. */
    public OperationInfo create(String operationId, OperationType type, OperationMetadata metadata) {
        OperationInfo info = OperationInfo.pending(operationId, type, metadata, clock.instant());
        store.insert(info);
        LOG.infof("operation %s created (%s)", info.operationId(), type.wireName());
        return info;
    }

    /** Makes {@code bridge} the source of progress for a local operation; do this before its worker starts. */
    public void registerBridge(String operationId, ProgressBridge bridge) {
        followers.put(operationId, new BridgeFollower(operationId, bridge, progressPersistInterval));
    }

    /**
     * Makes the host behind {@code proxy} the source of progress for {@code backendId}, which runs
     * there as {@code hostOperationId}. Queries pull the host (state, then metrics by cursor) through
     * the same TTL cache; the host's terminal status completes, fails or cancels this record when a
     * client asks, and a cancel here is sent to the host.
     */
    public void registerRemoteProxy(String backendId, OperationServiceProxy proxy, String hostOperationId) {
        remotes.put(backendId, new RemoteFollower(mapping(backendId, proxy.baseUrl(), hostOperationId), proxy, mappings)
                .completingWith(this::completeRemote));
        LOG.infof("operation %s -> %s on %s", backendId, hostOperationId, proxy.baseUrl());
    }

    /** The stored mapping, or a new one starting after the metrics the record already holds. */
    private RemoteMapping mapping(String backendId, String hostUrl, String hostOperationId) {
        return mappings.find(backendId).orElseGet(() -> {
            int metricsHeld = store.find(backendId).map(OperationInfo::metricsCount).orElse(0);
            RemoteMapping fresh = new RemoteMapping(backendId, hostUrl, hostOperationId, metricsHeld, clock.instant(),
                    null, null);
            try {
                mappings.save(fresh);
                return fresh;
            } catch (RuntimeException e) {
                // another replica saved it first
                return mappings.find(backendId).orElseThrow(() -> e);
            }
        });
    }

    /** The follower of a running host operation, attached here on first use if another process started it. */
    private RemoteFollower remoteFollower(OperationInfo info) {
        RemoteFollower remote = remotes.get(info.operationId());
        Function<String, OperationServiceProxy> proxies = hostProxies;
        OperationMetadata m = info.metadata();
        if (remote != null || proxies == null || info.status() != OperationStatus.RUNNING || m == null
                || !"host".equals(m.mode()) || m.hostServiceUrl() == null || m.hostOperationId() == null) {
            return remote;
        }
        return remotes.computeIfAbsent(info.operationId(), id -> {
            OperationServiceProxy proxy = proxies.apply(m.hostServiceUrl());
            LOG.infof("operation %s -> %s on %s (attached on query)", id, m.hostOperationId(), proxy.baseUrl());
            return new RemoteFollower(mapping(id, proxy.baseUrl(), m.hostOperationId()), proxy, mappings)
                    .completingWith(this::completeRemote);
        });
    }

    public OperationInfo start(String operationId) {
        OperationInfo info = transition(operationId, OperationStatus.RUNNING, UnaryOperator.identity());
        LOG.infof("operation %s started", operationId);
        return info;
    }

    /** Completes the operation after one final pull, so the last metrics are never lost. */
    public OperationInfo complete(String operationId, Map<String, Object> resultSummary) {
        pullFinal(operationId);
        OperationInfo info = transition(operationId, OperationStatus.COMPLETED,
                op -> op.withProgress(op.progress().finished(), op.metricsCount(), op.updatedAt()).withResult(resultSummary));
        LOG.infof("operation %s completed", operationId);
        return info;
    }

    public OperationInfo fail(String operationId, String errorMessage) {
        pullFinal(operationId);
        OperationInfo info = transition(operationId, OperationStatus.FAILED, op -> op.withError(errorMessage));
        LOG.warnf("operation %s failed: %s", operationId, errorMessage);
        return info;
    }

    /**
     * Cancels the operation; its worker learns of it at its next progress write. Cancelling a
     * cancelled operation returns it unchanged; cancelling a completed or failed one is refused.
     */
    public OperationInfo cancel(String operationId) {
        OperationInfo current = find(operationId);
        if (current.status() == OperationStatus.CANCELLED) {
            return current;
        }
        if (current.status().isTerminal()) {
            throw new IllegalTransitionException(operationId, current.status(), OperationStatus.CANCELLED);
        }
        // Stop the worker's writes first, so the final pull sees everything it reported.
        BridgeFollower follower = followers.get(operationId);
        if (follower != null) {
            follower.bridge().requestCancel();
        }
        RemoteFollower remote = remoteFollower(current);
        if (remote != null) {
            remote.cancelOnHost(store, clock);
            cache.invalidate(operationId);
        }
        pullFinal(operationId);
        OperationInfo info = transition(operationId, OperationStatus.CANCELLED, UnaryOperator.identity());
        LOG.infof("operation %s cancelled", operationId);
        return info;
    }

    /** The operation, refreshed from its bridge if it is running and the cached copy is older than the TTL. */
    public OperationInfo get(String operationId, boolean forceRefresh) {
        return failIfLost(read(operationId, forceRefresh));
    }

    private OperationInfo read(String operationId, boolean forceRefresh) {
        if (!forceRefresh) {
            return cache.get(operationId, id -> load(id, false));
        }
        // compute, not load-then-put: a status change that invalidates meanwhile waits for it, so a
        // copy read before the change is never cached after it
        return cache.asMap().compute(operationId, (id, cached) -> load(id, true));
    }

    /**
     * Lost detection on read: a local operation whose bridge showed no progress for its type's
     * {@code fail-after} is failed with the reason, and its worker is told to stop.
     */
    private OperationInfo failIfLost(OperationInfo info) {
        RemoteFollower remote = info.status() == OperationStatus.RUNNING ? remotes.get(info.operationId()) : null;
        if (remote != null) {
            return failIfHostLost(info, remote);
        }
        BridgeFollower follower = info.status() == OperationStatus.RUNNING ? followers.get(info.operationId()) : null;
        if (follower == null) {
            return info;
        }
        Duration quiet = follower.quietFor(clock.instant());
        if (!stallPolicy.isLost(info.operationType(), quiet)) {
            return info;
        }
        follower.bridge().requestCancel();
        try {
            return fail(info.operationId(), "stalled: no progress for " + quiet.toSeconds() + "s (fail-after "
                    + stallPolicy.failAfter(info.operationType()).toSeconds() + "s)");
        } catch (IllegalTransitionException e) {
            return read(info.operationId(), false);
        }
    }

    /** Lost detection on read for a host operation: its host has not answered for {@code fail-after}. */
    private OperationInfo failIfHostLost(OperationInfo info, RemoteFollower remote) {
        Duration quiet = remote.quietFor(clock.instant());
        if (!stallPolicy.isLost(info.operationType(), quiet)) {
            return info;
        }
        try {
            return fail(info.operationId(), "host unreachable: " + remote.hostUrl() + " has not answered for "
                    + quiet.toSeconds() + "s (fail-after " + stallPolicy.failAfter(info.operationType()).toSeconds() + "s)");
        } catch (IllegalTransitionException e) {
            return read(info.operationId(), false);
        }
    }

    /**
     * Calls {@code listener} with the operation id after every status change (e.g. to wake
     * long-polling clients). Listeners must be quick and must not throw.
     */
    public void addChangeListener(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /**
     * Sets (or with null clears) the write listener of the operation's local bridge, see
     * {@link ProgressBridge#setWriteListener}.
     *
     * @return false if the operation has no local bridge here (finished, remote, or run by another replica)
     */
    public boolean watchBridge(String operationId, Runnable listener) {
        BridgeFollower follower = followers.get(operationId);
        if (follower == null) {
            return false;
        }
        follower.bridge().setWriteListener(listener);
        return true;
    }

    /**
     * For long-poll of a host operation: asks its host (asynchronously, bounded by the proxy's read
     * timeout) to answer when its version passes the one last seen here, then calls {@code listener}
     * if it did. Nothing is called after a plain timeout or a failure.
     *
     * @return false if the operation is not running on a host
     */
    public boolean watchHost(String operationId, Duration wait, Runnable listener, Runnable ended) {
        OperationInfo info = store.find(operationId).orElse(null);
        RemoteFollower remote = info == null ? null : remoteFollower(info);
        if (remote == null || info.status() != OperationStatus.RUNNING) {
            return false;
        }
        remote.changeOnHost(wait).whenComplete((changed, error) -> {
            ended.run();
            if (Boolean.TRUE.equals(changed)) {
                listener.run();
            }
        });
        return true;
    }

    /** A page of operations, running ones as fresh as a single {@link #get} would show them. */
    public OperationList list(OperationQuery query) {
        OperationList page = store.list(query);
        return new OperationList(
                page.operations().stream()
                        .map(op -> op.status() == OperationStatus.RUNNING ? get(op.operationId(), false) : op)
                        .toList(),
                page.total(), page.activeCount());
    }

    /** The metrics after {@code cursor}; each metric is returned once to a client that follows {@code new_cursor}. */
    public MetricsResponse metrics(String operationId, int cursor) {
        if (cursor < 0) {
            throw new InvalidRequestException("cursor", "must not be negative, was " + cursor);
        }
        get(operationId, false);
        MetricsPage page = store.metrics(operationId, cursor);
        return new MetricsResponse(operationId, page.metrics(), page.newCursor());
    }

    /** The result of a completed operation; any other status is a 409 that says why. */
    public OperationResults results(String operationId) {
        OperationInfo info = get(operationId, false);
        if (info.status() != OperationStatus.COMPLETED) {
            String why = info.status() == OperationStatus.FAILED ? " (" + info.errorMessage() + ")" : "";
            throw new ConflictException("operation '" + operationId + "' is " + info.status().wireName() + why
                    + "; results exist only once it has completed");
        }
        return OperationResults.of(info);
    }

    /** Starts the operation unless it was cancelled while it waited; true if the worker should run. */
    public boolean tryStart(String operationId) {
        try {
            start(operationId);
            return true;
        } catch (IllegalTransitionException e) {
            LOG.debugf("operation %s not started: %s", operationId, e.getMessage());
            return false;
        }
    }

    /** Forgets an operation that was never accepted (e.g. no worker could take it). */
    public void discard(String operationId) {
        followers.remove(operationId);
        cache.invalidate(operationId);
        store.delete(operationId);
    }

    private OperationInfo find(String operationId) {
        return store.find(operationId).orElseThrow(() -> missing(operationId));
    }

    /** 410 for an id that retention deleted, 404 for one that never existed. */
    private OperationNotFoundException missing(String operationId) {
        return store.wasDeleted(operationId) ? new OperationGoneException(operationId)
                : new OperationNotFoundException(operationId);
    }

    private OperationInfo load(String operationId, boolean forceRefresh) {
        OperationInfo info = find(operationId);
        RemoteFollower remote = remoteFollower(info);
        if (info.status() == OperationStatus.RUNNING && remote != null) {
            LOG.debugf("refreshing %s from its host", operationId);
            OperationInfo pulled = remote.pull(store, clock, forceRefresh, stallPolicy)
                    .orElseThrow(() -> new OperationNotFoundException(operationId));
            if (pulled.status().isTerminal()) {
                remotes.remove(operationId);
            }
            return pulled;
        }
        BridgeFollower follower = followers.get(operationId);
        if (info.status() != OperationStatus.RUNNING || follower == null) {
            return info;
        }
        LOG.debugf("refreshing %s from its bridge", operationId);
        return follower.pull(store, clock, stallPolicy).orElseThrow(() -> new OperationNotFoundException(operationId));
    }

    private void pullFinal(String operationId) {
        BridgeFollower follower = followers.get(operationId);
        if (follower != null && find(operationId).status() == OperationStatus.RUNNING) {
            follower.flush(store, clock);
        }
    }

    private OperationInfo transition(String operationId, OperationStatus next, UnaryOperator<OperationInfo> alsoChange) {
        OperationInfo info = store.update(operationId, current -> {
            if (!current.status().canMoveTo(next)) {
                throw new IllegalTransitionException(operationId, current.status(), next);
            }
            return alsoChange.apply(current.withStatus(next, clock.instant()));
        }).orElseThrow(() -> new OperationNotFoundException(operationId));
        if (next.isTerminal()) {
            // Finished operations leave the bridge registry: memory stays bounded.
            followers.remove(operationId);
            remotes.remove(operationId);
        }
        // Dropped, never put: a put could land after a later terminal change and bring back this status.
        cache.invalidate(operationId);
        changeListeners.forEach(listener -> listener.accept(operationId));
        return info;
    }
}

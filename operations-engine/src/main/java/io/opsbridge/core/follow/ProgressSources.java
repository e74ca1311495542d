package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The registry of progress sources: which bridge or host each unfinished operation of this
 * process is read from. A running host operation that has no source here (another replica started
 * it, or this process restarted) is attached on its first query from its metadata
 * ({@code mode=host}, {@code host_service_url}, {@code host_operation_id}), so any replica answers
 * for any host operation. Finished operations leave the registry, so memory stays bounded.
 */
public class ProgressSources {

    private static final Logger LOG = Logger.getLogger(ProgressSources.class);

    private final OperationStore store;
    private final RemoteMappingStore mappings;
    private final Function<String, OperationServiceProxy> proxies;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, ProgressSource> sources = new ConcurrentHashMap<>();

    /**
     * @param proxies the proxy of a host URL, for host operations attached on query
     */
    public ProgressSources(OperationStore store, RemoteMappingStore mappings,
            Function<String, OperationServiceProxy> proxies, Settings settings, Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.proxies = proxies;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes {@code bridge} the source of a local operation; do this before its worker starts. */
    public void registerLocal(String operationId, ProgressBridge bridge) {
        sources.put(operationId, new LocalProgressSource(operationId, bridge, store, clock, settings));
    }

    /**
     * Makes the host at {@code hostUrl} the source of {@code operationId}, which runs there as
     * {@code hostOperationId}; the mapping is stored first (once, whichever replica gets there first).
     */
    public void registerHost(String operationId, String hostUrl, String hostOperationId) {
        sources.put(operationId, host(operationId, hostUrl, hostOperationId));
        LOG.infof("operation %s -> %s on %s", operationId, hostOperationId, hostUrl);
    }

    /** The source of {@code info}: the registered one, or one attached now from its metadata if it runs elsewhere. */
    public Optional<ProgressSource> of(OperationInfo info) {
        ProgressSource source = sources.get(info.operationId());
        OperationMetadata m = info.metadata();
        if (source != null || info.status() != OperationStatus.RUNNING || m == null || !"host".equals(m.mode())
                || m.hostServiceUrl() == null || m.hostOperationId() == null) {
            return Optional.ofNullable(source);
        }
        return Optional.of(sources.computeIfAbsent(info.operationId(), id -> {
            LOG.infof("operation %s -> %s on %s (attached on query)", id, m.hostOperationId(), m.hostServiceUrl());
            return host(id, m.hostServiceUrl(), m.hostOperationId());
        }));
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

    private HostProgressSource host(String operationId, String hostUrl, String hostOperationId) {
        String url = HostCalls.normalize(hostUrl);
        return new HostProgressSource(mapping(operationId, url, hostOperationId), proxies, mappings, store, clock, settings);
    }

    /** The stored mapping, or a new one starting after the metrics the record already holds. */
    private RemoteMapping mapping(String operationId, String hostUrl, String hostOperationId) {
        return mappings.find(operationId).orElseGet(() -> {
            int metricsHeld = store.find(operationId).map(OperationInfo::metricsCount).orElse(0);
            RemoteMapping fresh = new RemoteMapping(operationId, hostUrl, hostOperationId, metricsHeld, clock.instant(),
                    null, null);
            try {
                mappings.save(fresh);
                return fresh;
            } catch (RuntimeException e) {
                // another replica saved it first
                return mappings.find(operationId).orElseThrow(() -> e);
            }
        });
    }
}

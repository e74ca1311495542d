package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Operations that run on a worker host ({@code mode=host}, {@code host_service_url},
 * {@code host_operation_id} in their metadata, not {@code engine=kubernetes}: the backend follows a Job's pod
 * itself, through {@link #source}), each followed by a {@link HostProgressSource}
 * through the proxy of its host, with the host mapping stored once, whichever replica gets there first.
 */
public final class HostSources implements SourceKind {

    private static final Logger LOG = Logger.getLogger(HostSources.class);

    private final OperationStore store;
    private final RemoteMappingStore mappings;
    private final Function<String, OperationServiceProxy> proxies;
    private final Settings settings;
    private final Clock clock;

    /** @param proxies the proxy of a host URL, asked at each call so a reload of its timeouts reaches running operations */
    public HostSources(OperationStore store, RemoteMappingStore mappings, Function<String, OperationServiceProxy> proxies,
            Settings settings, Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.proxies = proxies;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<ProgressSource> attach(OperationInfo info) {
        OperationMetadata m = info.metadata();
        if (m == null || !"host".equals(m.mode()) || m.onKubernetes() || m.hostServiceUrl() == null
                || m.hostOperationId() == null) {
            return Optional.empty();
        }
        return Optional.of(source(info.operationId(), m.hostServiceUrl(), m.hostOperationId()));
    }

    /** A source following {@code operationId}, which runs on the host at {@code hostUrl} as {@code hostOperationId}. */
    public ProgressSource source(String operationId, String hostUrl, String hostOperationId) {
        LOG.infof("operation %s -> %s on %s", operationId, hostOperationId, hostUrl);
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

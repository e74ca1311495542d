package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Records, in this process, an operation that a worker host has started, and follows it there: the
 * backend's side of {@code mode=host} for any operation type. The record gets its own id, metadata
 * {@code mode=host} with the host's id, URL and session, and is running at once; from then on
 * queries pull the host through its {@link io.opsbridge.core.follow.HostProgressSource}.
 *
 * <pre>{@code
 * OperationInfo info = hosted.follow(OperationType.DATA_LOADING, symbols, "1h", params,
 *         "http://data-1:8082", "host_data_3f2a", "3f2a");
 * }</pre>
 */
@ApplicationScoped
public class HostedOperations {

    private final OperationLifecycle lifecycle;
    private final ProgressSources sources;

    public HostedOperations(OperationLifecycle lifecycle, ProgressSources sources) {
        this.lifecycle = lifecycle;
        this.sources = sources;
    }

    /** Creates the record for an operation running on {@code hostUrl} as {@code hostOperationId}; returns it running. */
    public OperationInfo follow(OperationType type, List<String> symbols, String timeframe,
            Map<String, Object> parameters, String hostUrl, String hostOperationId, String sessionId) {
        return follow(null, type, symbols, timeframe, parameters, hostUrl, hostOperationId, sessionId);
    }

    /**
     * As {@link #follow(OperationType, List, String, Map, String, String, String)}, under the id
     * chosen before the start ({@code null}: a new one), the one the host was told.
     */
    public OperationInfo follow(String operationId, OperationType type, List<String> symbols, String timeframe,
            Map<String, Object> parameters, String hostUrl, String hostOperationId, String sessionId) {
        OperationMetadata metadata = new OperationMetadata(symbols, timeframe, "host", hostOperationId, hostUrl,
                sessionId, parameters, OperationMetadata.ENGINE_HOSTS, null, null);
        OperationInfo created = operationId == null ? lifecycle.create(type, metadata)
                : lifecycle.create(operationId, type, metadata);
        sources.follow(created);
        return lifecycle.start(created.operationId());
    }
}

package io.opsbridge.core.store;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-local {@link RemoteMappingStore} beside an {@link InMemoryOperationStore}: the same
 * compare-and-set on the host cursor, so metrics copied from a host are stored once within this
 * process. Gone when the process stops, like the records it maps.
 */
@ApplicationScoped
@DefaultBean
public class InMemoryRemoteMappingStore implements RemoteMappingStore {

    private final OperationStore operations;
    private final Map<String, RemoteMapping> mappings = new ConcurrentHashMap<>();

    public InMemoryRemoteMappingStore(OperationStore operations) {
        this.operations = operations;
    }

    @Override
    public void save(RemoteMapping mapping) {
        if (mappings.putIfAbsent(mapping.operationId(), mapping) != null) {
            throw new IllegalStateException("duplicate remote mapping " + mapping.operationId());
        }
    }

    @Override
    public Optional<RemoteMapping> find(String operationId) {
        return Optional.ofNullable(mappings.get(operationId));
    }

    @Override
    public synchronized int appendHostMetrics(String operationId, int expectedCursor, int newCursor,
            List<Map<String, Object>> metrics, boolean replace) {
        RemoteMapping m = mappings.get(operationId);
        if (m == null || m.hostMetricsCursor() != expectedCursor) {
            return -1;
        }
        mappings.put(operationId, new RemoteMapping(m.operationId(), m.hostServiceUrl(), m.hostOperationId(), newCursor,
                m.createdAt(), m.lastContactAt(), m.unreachableSince()));
        if (replace) {
            operations.deleteMetrics(operationId);
        }
        MetricsEnd end = operations.metricsEnd(operationId);
        List<Map<String, Object>> fresh = metrics.stream().filter(metric -> !end.holds(metric)).toList();
        if (!fresh.isEmpty()) {
            operations.appendMetrics(operationId, end.position(), fresh);
        }
        return end.position() + fresh.size();
    }

    @Override
    public synchronized void moved(String operationId, String hostServiceUrl, String hostOperationId, Instant now) {
        mappings.computeIfPresent(operationId, (id, m) -> new RemoteMapping(id, hostServiceUrl, hostOperationId, 0,
                m.createdAt(), now, null));
    }

    @Override
    public void recordContact(String operationId, Instant at) {
        mappings.computeIfPresent(operationId, (id, m) -> new RemoteMapping(id, m.hostServiceUrl(), m.hostOperationId(),
                m.hostMetricsCursor(), m.createdAt(), at, null));
    }

    @Override
    public void recordUnreachable(String operationId, Instant at) {
        mappings.computeIfPresent(operationId, (id, m) -> m.unreachableSince() != null ? m
                : new RemoteMapping(id, m.hostServiceUrl(), m.hostOperationId(), m.hostMetricsCursor(), m.createdAt(),
                        m.lastContactAt(), at));
    }
}

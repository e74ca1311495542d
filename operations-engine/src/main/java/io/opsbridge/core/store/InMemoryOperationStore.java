package io.opsbridge.core.store;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.StatusCounts;
import io.opsbridge.core.bridge.LogPage;
import io.opsbridge.core.bridge.MetricsPage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The process-local store: records and metrics in maps, gone when the process stops. */
@ApplicationScoped
@DefaultBean
public class InMemoryOperationStore implements OperationStore {

    private static final Comparator<OperationInfo> NEWEST_FIRST =
            Comparator.comparing(OperationInfo::createdAt).reversed().thenComparing(OperationInfo::operationId);

    private final Map<String, OperationInfo> operations = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> metrics = new ConcurrentHashMap<>();
    private final Map<String, InMemoryLog> logs = new ConcurrentHashMap<>();
    private final Map<String, Instant> tombstones = new ConcurrentHashMap<>();

    @Override
    public void insert(OperationInfo operation) {
        if (operations.putIfAbsent(operation.operationId(), operation) != null) {
            throw new IllegalStateException("duplicate operation id " + operation.operationId());
        }
        metrics.put(operation.operationId(), new ArrayList<>());
    }

    @Override
    public Optional<OperationInfo> find(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    @Override
    public Optional<OperationInfo> update(String operationId, UnaryOperator<OperationInfo> change) {
        return Optional.ofNullable(operations.computeIfPresent(operationId, (id, current) -> change.apply(current)));
    }

    @Override
    public void delete(String operationId) {
        operations.remove(operationId);
        metrics.remove(operationId);
        logs.remove(operationId);
    }

    @Override
    public OperationList list(OperationQuery query) {
        Comparator<OperationInfo> order = query.sort() == OperationQuery.Sort.OLDEST ? NEWEST_FIRST.reversed() : NEWEST_FIRST;
        List<OperationInfo> matching = operations.values().stream().filter(query::matches).sorted(order).toList();
        long active = operations.values().stream().filter(op -> !op.status().isTerminal()).count();
        List<OperationInfo> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        Map<OperationStatus, Long> byStatus = operations.values().stream().filter(query.anyStatus()::matches)
                .collect(Collectors.groupingBy(OperationInfo::status, Collectors.counting()));
        return OperationList.of(page, query, active, StatusCounts.of(byStatus));
    }

    @Override
    public void appendMetrics(String operationId, int firstSeq, List<Map<String, Object>> newMetrics) {
        List<Map<String, Object>> list = metrics.get(operationId);
        if (list != null) {
            synchronized (list) {
                if (firstSeq < list.size()) {
                    // what the database's primary key refuses
                    throw new StoreException(new IllegalStateException("metric position " + firstSeq + " of "
                            + operationId + " is taken"));
                }
                list.addAll(newMetrics);
            }
        }
    }

    @Override
    public void deleteMetrics(String operationId) {
        List<Map<String, Object>> list = metrics.get(operationId);
        if (list != null) {
            synchronized (list) {
                list.clear();
            }
        }
    }

    @Override
    public MetricsPage metrics(String operationId, int cursor) {
        List<Map<String, Object>> list = metrics.getOrDefault(operationId, List.of());
        synchronized (list) {
            return MetricsPage.after(list, cursor);
        }
    }

    @Override
    public void appendLog(String operationId, List<LogLine> lines, int keep) {
        if (!lines.isEmpty()) {
            logs.computeIfAbsent(operationId, id -> new InMemoryLog()).append(lines, keep);
        }
    }

    @Override
    public LogPage log(String operationId, int cursor, int max) {
        InMemoryLog log = logs.get(operationId);
        return log == null ? LogPage.empty(cursor) : log.page(cursor, max);
    }

    @Override
    public int logEnd(String operationId) {
        InMemoryLog log = logs.get(operationId);
        return log == null ? 0 : log.end();
    }

    @Override
    public List<OperationInfo> unfinishedLocal() {
        return operations.values().stream()
                .filter(op -> !op.status().isTerminal())
                .filter(op -> op.metadata() == null || op.metadata().mode() == null || "local".equals(op.metadata().mode()))
                .toList();
    }

    @Override
    public List<String> deleteFinishedBefore(Instant cutoff, Instant now) {
        List<String> deleted = new ArrayList<>();
        for (OperationInfo op : List.copyOf(operations.values())) {
            if (op.status().isTerminal() && op.completedAt() != null && op.completedAt().isBefore(cutoff)
                    && operations.remove(op.operationId(), op)) {
                metrics.remove(op.operationId());
                logs.remove(op.operationId());
                tombstones.put(op.operationId(), now);
                deleted.add(op.operationId());
            }
        }
        return deleted;
    }

    @Override
    public int countFinishedBefore(Instant cutoff) {
        return (int) operations.values().stream()
                .filter(op -> op.status().isTerminal() && op.completedAt() != null && op.completedAt().isBefore(cutoff))
                .count();
    }

    @Override
    public int deleteTombstonesBefore(Instant cutoff) {
        int before = tombstones.size();
        tombstones.values().removeIf(deletedAt -> deletedAt.isBefore(cutoff));
        return before - tombstones.size();
    }

    @Override
    public boolean wasDeleted(String operationId) {
        return tombstones.containsKey(operationId);
    }
}

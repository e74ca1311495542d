package io.opsbridge.backend.kubernetes;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import io.opsbridge.workloads.training.TerminalRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a read of a Job (not of its pod's host) writes to the operation's record: the reason a pod waits,
 * that the Kubernetes API did not answer, and the metrics of a terminal record, each only forward and
 * only while the record runs.
 */
final class JobRecords {

    /** {@code progress.context} keys of a training on Kubernetes. */
    static final String POD_PHASE = "pod_phase";
    static final String POD_REASON = "pod_reason";
    static final String KUBERNETES_REACHABLE = "kubernetes_reachable";
    static final String LAST_KUBERNETES_ERROR = "last_kubernetes_error";

    private final OperationStore store;
    private final RemoteMappingStore mappings;
    private final Clock clock;

    JobRecords(OperationStore store, RemoteMappingStore mappings, Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.clock = clock;
    }

    /** The record showing {@code pending: reason} (pod phase {@code phase}); stored only when that changed. */
    Optional<OperationInfo> waiting(OperationInfo seen, String phase, String reason) {
        String message = "pending: " + reason;
        OperationProgress p = seen.progress() == null ? OperationProgress.none() : seen.progress();
        if (message.equals(p.message()) && phase.equals(p.context().get(POD_PHASE))) {
            return Optional.of(seen);
        }
        return changed(seen.operationId(), now -> {
            OperationProgress marked = ProgressContext.with(now, Map.of(POD_PHASE, phase, POD_REASON, reason,
                    KUBERNETES_REACHABLE, true), LAST_KUBERNETES_ERROR);
            return new OperationProgress(marked.percentage(), message, marked.currentStep(), marked.stepsCompleted(),
                    marked.stepsTotal(), marked.itemsProcessed(), marked.itemsTotal(), marked.currentItem(),
                    marked.context());
        });
    }

    /** The record marked: the Kubernetes API has not answered since {@code since}. */
    Optional<OperationInfo> unreachable(String operationId, String error, Instant since) {
        return changed(operationId, now -> ProgressContext.with(now, new HashMap<>(Map.of(KUBERNETES_REACHABLE, false, LAST_KUBERNETES_ERROR, error,
                        ProgressContext.UNREACHABLE_SINCE, since.toString()))));
    }

    /**
     * Stores the metrics of a terminal record the pod's host did not hand over (exactly once, through the
     * host cursor of its mapping) and returns how it ended.
     */
    HostOutcome ended(String operationId, TerminalRecord terminal) {
        OperationInfo host = terminal.operation();
        RemoteMapping mapping = mappingFor(operationId, host.operationId());
        List<Map<String, Object>> metrics = terminal.metrics();
        int from = mapping.hostMetricsCursor();
        if (from < metrics.size()) {
            int end = mappings.appendHostMetrics(operationId, from, metrics.size(), metrics.subList(from, metrics.size()));
            if (end >= 0) {
                store.update(operationId, op -> op.status() == OperationStatus.RUNNING && end > op.metricsCount()
                        ? op.withProgress(op.progress(), end, clock.instant()) : op);
            }
        }
        boolean failed = host.status() == OperationStatus.FAILED;
        return new HostOutcome(host.status(), host.completedAt(),
                host.status() == OperationStatus.COMPLETED ? host.resultSummary() : null,
                failed ? host.errorMessage() : null, failed && terminal.failureRepeats());
    }

    /** The mapping of the host operation that wrote the record: the one followed, or a new one from cursor 0. */
    private RemoteMapping mappingFor(String operationId, String hostOperationId) {
        Optional<RemoteMapping> known = mappings.find(operationId);
        if (known.isPresent() && hostOperationId.equals(known.get().hostOperationId())) {
            return known.get();
        }
        String where = "terminal record";
        if (known.isPresent()) {
            mappings.moved(operationId, where, hostOperationId, clock.instant());
        } else {
            try {
                mappings.save(RemoteMapping.of(operationId, where, hostOperationId, clock.instant()));
            } catch (RuntimeException e) {
                // another replica saved it first
            }
        }
        return mappings.find(operationId).orElseThrow();
    }

    private Optional<OperationInfo> changed(String operationId, UnaryOperator<OperationProgress> change) {
        return store.update(operationId, op -> op.status() != OperationStatus.RUNNING ? op
                : op.withProgress(change.apply(op.progress() == null ? OperationProgress.none() : op.progress()),
                        op.metricsCount(), clock.instant()));
    }
}

package io.opsbridge.backend.operations;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.store.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database fixture of past operations: the server stamps {@code created_at} itself, so a history that
 * spans two days can only be written into the store. Records in any status, as the lifecycle leaves them.
 */
public final class SeededHistory {

    private SeededHistory() {
    }

    /** {@code op} in {@code status} at {@code now}, started_at / completed_at as the status implies. */
    public static OperationInfo inStatus(OperationInfo op, OperationStatus status, Instant now) {
        Instant started = op.startedAt() == null && status != OperationStatus.PENDING ? now : op.startedAt();
        Instant completed = status.isTerminal() ? now : op.completedAt();
        return new OperationInfo(op.operationId(), op.operationType(), status, op.createdAt(), started, now, completed,
                status == OperationStatus.COMPLETED ? done(op) : op.progress(), op.metadata(), op.resultSummary(),
                op.errorMessage(), op.metricsCount(), op.version() + 1);
    }

    /**
     * A finished training created at {@code createdAt}, with one metric per epoch (a falling loss and a rising
     * accuracy, shifted by {@code shift} so two runs differ) and the result summary a training leaves.
     */
    public static OperationInfo training(OperationStore store, String id, Instant createdAt, List<String> symbols,
            Map<String, Object> parameters, double shift) {
        int epochs = (Integer) parameters.get("epochs");
        OperationInfo op = OperationInfo.pending(id, OperationType.TRAINING,
                OperationMetadata.local(symbols, "1h", parameters), createdAt);
        store.insert(op);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("epoch", e);
            metric.put("train_loss", 1.1 - 0.1 * e + shift);
            metric.put("val_loss", 1.15 - 0.08 * e + shift);
            metric.put("train_accuracy", 0.35 + 0.04 * e - shift);
            metric.put("val_accuracy", 0.34 + 0.03 * e - shift);
            metrics.add(metric);
        }
        store.appendMetrics(id, 0, metrics);
        Map<String, Object> last = metrics.get(metrics.size() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("strategy", parameters.get("strategy"));
        summary.put("epochs_completed", epochs);
        summary.put("final_train_loss", last.get("train_loss"));
        summary.put("final_val_loss", last.get("val_loss"));
        summary.put("final_train_accuracy", last.get("train_accuracy"));
        summary.put("final_val_accuracy", last.get("val_accuracy"));
        Instant end = createdAt.plus(Duration.ofSeconds(20 + 5L * epochs));
        return store.update(id, current -> {
            OperationInfo running = inStatus(current, OperationStatus.RUNNING, createdAt.plusSeconds(1));
            OperationInfo counted = new OperationInfo(running.operationId(), running.operationType(), running.status(),
                    running.createdAt(), running.startedAt(), running.updatedAt(), null, running.progress(),
                    running.metadata(), null, null, epochs, running.version());
            return inStatus(counted, OperationStatus.COMPLETED, end).withResult(summary);
        }).orElseThrow();
    }

    /** Adds {@code entries} to the result summary of a stored operation. */
    public static void addToResult(OperationStore store, String id, Map<String, Object> entries) {
        store.update(id, op -> {
            Map<String, Object> summary = new LinkedHashMap<>(op.resultSummary());
            summary.putAll(entries);
            return op.withResult(summary);
        });
    }

    /** A pending operation of {@code type} for {@code symbols}, then moved to {@code status}. */
    public static OperationInfo other(OperationStore store, String id, OperationType type, Instant createdAt,
            List<String> symbols, String strategy, OperationStatus status) {
        Map<String, Object> parameters = type.equals(OperationType.TRAINING)
                ? Map.of("strategy", strategy, "epochs", 2, "batch_size", 64) : Map.of("source", "sample");
        store.insert(OperationInfo.pending(id, type, OperationMetadata.local(symbols, "1h", parameters), createdAt));
        return status == OperationStatus.PENDING ? store.find(id).orElseThrow()
                : store.update(id, op -> {
                    OperationInfo moved = status.isTerminal() ? inStatus(op, OperationStatus.RUNNING, createdAt) : op;
                    moved = inStatus(moved, status, createdAt.plusSeconds(30));
                    return status == OperationStatus.FAILED ? moved.withError("seeded failure") : moved;
                }).orElseThrow();
    }

    private static OperationProgress done(OperationInfo op) {
        OperationProgress p = op.progress();
        return new OperationProgress(100.0, "Done", p.currentStep(), p.stepsTotal(), p.stepsTotal(), p.itemsProcessed(),
                p.itemsTotal(), null, p.context());
    }
}

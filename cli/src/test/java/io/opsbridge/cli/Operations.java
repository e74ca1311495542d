package io.opsbridge.cli;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds operation states for tests that need no server. */
public final class Operations {

    private Operations() {
    }

    public static OperationInfo training(String id, OperationStatus status, double pct, int epoch, int epochs,
            int metrics, long version) {
        Instant started = Instant.now().minusSeconds(5);
        OperationProgress progress = new OperationProgress(pct, "Training", epoch == 0 ? null : "Epoch " + epoch + "/" + epochs,
                epoch, epochs, 0, 0, null, Map.of("train_loss", 0.6931, "val_accuracy", 0.512));
        return new OperationInfo(id, OperationType.TRAINING, status, started, started, Instant.now(),
                status.isTerminal() ? Instant.now() : null, progress,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()),
                status == OperationStatus.COMPLETED ? Map.of("epochs_completed", epochs) : null, null, metrics, version);
    }

    public static Map<String, Object> epoch(int epoch) {
        return Map.of("epoch", epoch, "train_loss", 0.7, "train_accuracy", 0.5, "val_loss", 0.69,
                "val_accuracy", 0.51, "duration_ms", 12);
    }

    /** {@code op} with {@code context} as its progress context (host reachability, stall flags, ...). */
    public static OperationInfo withContext(OperationInfo op, Map<String, Object> context) {
        OperationProgress p = op.progress();
        return new OperationInfo(op.operationId(), op.operationType(), op.status(), op.createdAt(), op.startedAt(),
                op.updatedAt(), op.completedAt(), new OperationProgress(p.percentage(), p.message(), p.currentStep(),
                p.stepsCompleted(), p.stepsTotal(), p.itemsProcessed(), p.itemsTotal(), p.currentItem(), context),
                op.metadata(), op.resultSummary(), op.errorMessage(), op.metricsCount(), op.version());
    }
}

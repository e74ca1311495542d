package io.opsbridge.backend.models;

import io.opsbridge.backend.training.CompletedTrainingHook;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationsService;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.workloads.training.TrainingRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Registers the model of a training that completed on a host, exactly as for a local one: when a
 * query discovers the completion, before the backend records it. The artifact is found through
 * {@link ArtifactSource} (a models directory shared with the host, by default).
 */
@ApplicationScoped
public class HostTrainingRegistration {

    private final CompletedTrainingHook completedTraining;

    public HostTrainingRegistration(CompletedTrainingHook completedTraining) {
        this.completedTraining = completedTraining;
    }

    void install(@Observes StartupEvent event, OperationsService operations) {
        operations.onRemoteCompletion(this::completed);
    }

    Map<String, Object> completed(OperationInfo record, Map<String, Object> hostResult) {
        if (record.operationType() != OperationType.TRAINING || hostResult == null) {
            return hostResult;
        }
        return completedTraining.completed(record.operationId(), requestOf(record.metadata()), hostResult);
    }

    /** The training request as the operation's metadata recorded it. */
    static TrainingRequest requestOf(OperationMetadata m) {
        Map<String, Object> p = m.parameters() == null ? Map.of() : m.parameters();
        return new TrainingRequest((String) p.get("strategy"), m.symbols(), m.timeframe(), integer(p.get("epochs")),
                integer(p.get("batch_size")), decimal(p.get("learning_rate")), decimal(p.get("validation_split")),
                m.mode(), p.get("seed") instanceof Number n ? n.longValue() : null,
                p.get("auto_activate") instanceof Boolean b ? b : null);
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}

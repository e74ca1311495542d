package io.opsbridge.backend.training;

import io.opsbridge.core.InvalidRequestException;
import io.opsbridge.core.OperationRunner;
import io.opsbridge.core.OperationType;
import io.opsbridge.core.OperationsService;
import io.opsbridge.core.api.OperationInfo;
import io.opsbridge.core.api.OperationMetadata;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingProgressBridge;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts trainings: validates the request, records the operation and hands the job to a worker. */
@ApplicationScoped
public class TrainingService {

    private final TrainingOrchestrator orchestrator;
    private final OperationsService operations;
    private final OperationRunner runner;
    private final CompletedTrainingHook completed;

    public TrainingService(TrainingOrchestrator orchestrator, OperationsService operations, OperationRunner runner,
            CompletedTrainingHook completed) {
        this.orchestrator = orchestrator;
        this.operations = operations;
        this.runner = runner;
        this.completed = completed;
    }

    /** Checks the request; returns it with defaults applied, or throws a 400 naming the field. */
    public TrainingRequest validate(TrainingRequest request) {
        TrainingRequest valid = orchestrator.validate(request);
        if (TrainingRequest.MODE_HOST.equals(valid.mode())) {
            throw new InvalidRequestException("mode", "host training is not configured on this backend; use mode=local");
        }
        return valid;
    }

    /** Records a pending training and queues it; returns at once, before any training work. */
    public OperationInfo start(TrainingRequest valid) {
        OperationInfo created = operations.create(OperationType.TRAINING,
                OperationMetadata.local(valid.symbols(), valid.timeframe(), parameters(valid)));
        TrainingProgressBridge bridge = new TrainingProgressBridge();
        return runner.submit(created, bridge, b -> completed.completed(created.operationId(), valid,
                orchestrator.run(created.operationId(), valid, b).toSummary()));
    }

    private static Map<String, Object> parameters(TrainingRequest r) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("strategy", r.strategy());
        parameters.put("epochs", r.epochs());
        parameters.put("batch_size", r.batchSize());
        parameters.put("learning_rate", r.learningRate());
        parameters.put("validation_split", r.validationSplit());
        if (r.seed() != null) {
            parameters.put("seed", r.seed());
        }
        return parameters;
    }
}

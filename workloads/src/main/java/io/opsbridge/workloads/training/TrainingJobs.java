package io.opsbridge.workloads.training;

import io.opsbridge.core.OperationRunner;
import io.opsbridge.api.OperationInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hands a recorded training to a worker of this process: a fresh {@link TrainingProgressBridge},
 * registered before the worker starts, and the shared {@link TrainingOrchestrator} as the job.
 * The backend (local mode) and the training host start their trainings only through here.
 */
@ApplicationScoped
public class TrainingJobs {

    private final TrainingOrchestrator orchestrator;
    private final OperationRunner runner;

    public TrainingJobs(TrainingOrchestrator orchestrator, OperationRunner runner) {
        this.orchestrator = orchestrator;
        this.runner = runner;
    }

    /**
     * Queues the training of a pending operation; returns at once.
     *
     * @throws io.opsbridge.core.CapacityExceededException if no worker can take it (the operation is then forgotten)
     */
    public OperationInfo submit(OperationInfo created, TrainingRequest valid) {
        return submit(created, valid, UnaryOperator.identity());
    }

    /**
     * As {@link #submit(OperationInfo, TrainingRequest)}, and {@code afterTraining} runs on the worker
     * with the saved model's summary before the operation is recorded as completed (e.g. to register
     * the model); what it returns becomes the result summary.
     */
    public OperationInfo submit(OperationInfo created, TrainingRequest valid,
            UnaryOperator<Map<String, Object>> afterTraining) {
        return runner.submit(created, new TrainingProgressBridge(),
                bridge -> afterTraining.apply(orchestrator.run(created.operationId(), valid, bridge).toSummary()));
    }
}

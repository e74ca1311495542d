package io.opsbridge.workloads.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.run.OperationRunner;
import jakarta.enterprise.context.ApplicationScoped;

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
        return runner.submit(created, new TrainingProgressBridge(),
                bridge -> orchestrator.run(created.operationId(), valid, bridge).toSummary());
    }
}

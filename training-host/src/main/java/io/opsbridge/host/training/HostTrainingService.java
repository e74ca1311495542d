package io.opsbridge.host.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingStartResponse;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Starts trainings on this host as {@code host_training_{session_id}} and finds them by session.
 * Built at startup, with the orchestrator and workers, so the first start answers as fast as the next.
 */
@Startup
@ApplicationScoped
public class HostTrainingService {

    private final TrainingOrchestrator orchestrator;
    private final OperationsService operations;
    private final OperationLifecycle lifecycle;
    private final TrainingJobs jobs;

    public HostTrainingService(TrainingOrchestrator orchestrator, OperationsService operations, OperationLifecycle lifecycle, TrainingJobs jobs) {
        this.orchestrator = orchestrator;
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
    }

    /**
     * Validates the request against this host's data, records the operation and queues the
     * training; returns before any training work.
     *
     * @throws io.opsbridge.api.InvalidRequestException (400) naming the wrong field
     * @throws io.opsbridge.core.CapacityExceededException (503) if every worker is busy
     */
    public TrainingStartResponse start(TrainingRequest request) {
        TrainingRequest valid = orchestrator.validate(request);
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        OperationInfo created = lifecycle.create(TrainingStartResponse.hostOperationId(sessionId),
                OperationType.TRAINING, new OperationMetadata(valid.symbols(), valid.timeframe(),
                        TrainingRequest.MODE_LOCAL, null, null, sessionId, valid.toParameters()));
        OperationInfo queued = jobs.submit(created, valid);
        return new TrainingStartResponse(sessionId, queued.operationId(), queued.status());
    }

    /** The operation of a session, as fresh as {@code GET /api/v1/operations/{id}} would show it. */
    public OperationInfo bySession(String sessionId) {
        return operations.get(TrainingStartResponse.hostOperationId(sessionId), false);
    }
}

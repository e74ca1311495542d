package io.opsbridge.backend.training;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts trainings: validates the request, then either records the operation and hands the job to
 * a local worker, or starts it on a training host ({@code mode=host}).
 */
@ApplicationScoped
public class TrainingService {

    private final TrainingOrchestrator orchestrator;
    private final OperationLifecycle lifecycle;
    private final TrainingJobs jobs;
    private final HostTrainingRouter hosts;
    private final TrainingRoutingConfig routing;

    public TrainingService(TrainingOrchestrator orchestrator, OperationLifecycle lifecycle, TrainingJobs jobs,
            HostTrainingRouter hosts, TrainingRoutingConfig routing) {
        this.orchestrator = orchestrator;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.hosts = hosts;
        this.routing = routing;
    }

    /**
     * Checks the request; returns it with defaults applied (a missing mode becomes
     * {@code opsbridge.training.default-mode}), or throws a 400 naming the field. Host mode checks
     * the fields only: the data files are the host's business.
     */
    public TrainingRequest validate(TrainingRequest request) {
        TrainingRequest routed = request != null && (request.mode() == null || request.mode().isBlank())
                ? request.withMode(routing.defaultMode())
                : request;
        TrainingRequest valid = orchestrator.validateParameters(routed);
        if (!TrainingRequest.MODE_HOST.equals(valid.mode())) {
            return orchestrator.validate(valid);
        }
        if (!hosts.configured()) {
            throw new InvalidRequestException("mode", "host training is not configured on this backend; use mode=local");
        }
        return valid;
    }

    /** Records the training and queues it here or starts it on a host; returns at once, before any training work. */
    public OperationInfo start(TrainingRequest valid) {
        if (TrainingRequest.MODE_HOST.equals(valid.mode())) {
            return hosts.start(valid);
        }
        OperationInfo created = lifecycle.create(OperationType.TRAINING,
                OperationMetadata.local(valid.symbols(), valid.timeframe(), valid.toParameters()));
        return jobs.submit(created, valid);
    }
}

package io.opsbridge.host.training;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.core.hosts.HostWork;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.training.TrainingConfig;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.HostTrainingRequest;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What this host runs: trainings, as {@code host_training_{session_id}}, checked against this
 * host's data and queued on its workers, with checkpoints under the key the backend sent
 * ({@link HostTrainingRequest}; without one, this host's operation id). Built at startup, with the orchestrator and workers, so
 * the first start answers as fast as the next.
 */
public class TrainingHostBeans {

    @Produces
    @Singleton
    @Startup
    HostSessions<HostTrainingRequest> trainings(OperationsService operations, OperationLifecycle lifecycle,
            TrainingOrchestrator orchestrator, TrainingJobs jobs, TrainingConfig config) {
        HostDatasetAdvice datasets = new HostDatasetAdvice(orchestrator, config.dataDir());
        return new HostSessions<>(operations, lifecycle, new HostWork<>(OperationType.TRAINING, "host_training_",
                r -> r == null ? HostTrainingRequest.of(datasets.validate(null), null, null, null)
                        : r.checkCheckpointFields().withTraining(datasets.validate(r.training())),
                jobs::submit, EpochCounts::of));
    }
}

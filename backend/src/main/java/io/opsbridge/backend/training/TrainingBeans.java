package io.opsbridge.backend.training;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.LocalWork;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.hosts.WorkRouters;
import io.opsbridge.core.hosts.WorkType;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * How the backend starts trainings: a local one checked against this process's data and queued on
 * its workers, a host one started on a training host at {@code POST /training/start}.
 */
public class TrainingBeans {

    static final WorkType TRAINING = new WorkType("training", OperationType.TRAINING, "/training/start",
            TrainingRoutingConfig.class);

    @Produces
    @Singleton
    WorkRouter<TrainingRequest> trainings(WorkRouters routers, TrainingOrchestrator orchestrator, TrainingJobs jobs) {
        return routers.router(TRAINING, new LocalWork<>(orchestrator::validateParameters, orchestrator::validate,
                jobs::submit));
    }
}

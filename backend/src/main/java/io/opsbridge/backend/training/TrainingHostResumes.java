package io.opsbridge.backend.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostPool;
import io.opsbridge.core.hosts.HostStarted;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.lifecycle.HostPlacement;
import io.opsbridge.core.lifecycle.HostResumableWork;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingResumes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A training whose host was lost starts again on the next reachable training host: the request its
 * operation recorded (with its seed), under the same checkpoint key (the backend's operation id), so
 * the new host continues from the newest checkpoint in the shared models directory.
 */
@ApplicationScoped
public class TrainingHostResumes implements HostResumableWork {

    private final WorkRouter<TrainingRequest> trainings;
    private final TrainingResumes resumes;

    public TrainingHostResumes(WorkRouter<TrainingRequest> trainings, TrainingResumes resumes) {
        this.trainings = trainings;
        this.resumes = resumes;
    }

    @Override
    public OperationType type() {
        return OperationType.TRAINING;
    }

    @Override
    public HostPlacement place(OperationInfo resumed) {
        resumes.storeCheckpointedEpochs(resumed);
        HostPool.Started<HostStarted> started = trainings.placeOnHost(TrainingResumes.requestOf(resumed),
                resumed.operationId());
        return new HostPlacement(started.hostUrl(), started.answer().operationId(), started.answer().sessionId());
    }
}

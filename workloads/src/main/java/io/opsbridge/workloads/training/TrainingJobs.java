package io.opsbridge.workloads.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.logs.JobLog;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands a recorded training to a worker of this process: a fresh {@link TrainingProgressBridge},
 * registered before the worker starts, and the shared {@link TrainingOrchestrator} as the job, with
 * checkpoints under {@code {models-dir}/checkpoints/{key}/} as the runtime settings
 * {@code opsbridge.training.checkpoint-every} and {@code -keep} say at this start. The backend
 * (local mode) and the training host start their trainings only through here.
 *
 * <p>Submitting the training of an operation again resumes it from its newest valid checkpoint
 * (none: from epoch 1); that is how a lost or interrupted training is resumed.
 */
@ApplicationScoped
public class TrainingJobs {

    private final TrainingOrchestrator orchestrator;
    private final OperationRunner runner;
    private final Settings settings;

    public TrainingJobs(TrainingOrchestrator orchestrator, OperationRunner runner, Settings settings) {
        this.orchestrator = orchestrator;
        this.runner = runner;
        this.settings = settings;
    }

    /**
     * Queues the training of a pending operation, its checkpoints keyed by the operation id; returns at once.
     *
     * @throws io.opsbridge.core.CapacityExceededException if no worker can take it (the operation is then forgotten)
     */
    public OperationInfo submit(OperationInfo created, TrainingRequest valid) {
        return submit(created, valid, plan(created.operationId(), null, null));
    }

    /** As {@link #submit(OperationInfo, TrainingRequest)}, the job's log opening with the WARN {@code note}. */
    OperationInfo submit(OperationInfo created, TrainingRequest valid, String note) {
        CheckpointPlan plan = plan(created.operationId(), null, null);
        return runner.submit(created, new TrainingProgressBridge(), bridge -> {
            JobLog.warn(note);
            return orchestrator.run(created.operationId(), valid, bridge, plan).toSummary();
        });
    }

    /**
     * Queues a training a backend started on this host: checkpoints under the key, frequency and
     * count it sent, or this host's operation id and settings for what it left out.
     */
    public OperationInfo submit(OperationInfo created, HostTrainingRequest valid) {
        String key = valid.checkpointKey() != null ? valid.checkpointKey() : created.operationId();
        return submit(created, valid.training(), plan(key, valid.checkpointEvery(), valid.checkpointKeep()));
    }

    /**
     * Refuses at once, before anything is registered, when no worker could take one more training: a
     * recorded operation (a resume, a pending one started after a restart) is then failed saying why,
     * never forgotten as a refused new start is.
     *
     * @throws CapacityExceededException if every worker is busy and the queue is full
     */
    void requireCapacity() {
        OperationRunner.Capacity now = runner.capacity();
        if (now.full()) {
            throw new CapacityExceededException("all " + now.threads() + " workers are busy and "
                    + now.queued() + " jobs are waiting; try again later");
        }
    }

    /** What a backend posts to a training host to run {@code valid} as its operation {@code operationId}. */
    public HostTrainingRequest forHost(TrainingRequest valid, String operationId) {
        TrainingCheckpointConfig now = settings.current().section(TrainingCheckpointConfig.class);
        return HostTrainingRequest.of(valid, operationId, now.checkpointEvery(), now.checkpointKeep());
    }

    private OperationInfo submit(OperationInfo created, TrainingRequest valid, CheckpointPlan plan) {
        return runner.submit(created, new TrainingProgressBridge(),
                bridge -> orchestrator.run(created.operationId(), valid, bridge, plan).toSummary());
    }

    private CheckpointPlan plan(String key, Integer every, Integer keep) {
        TrainingCheckpointConfig now = settings.current().section(TrainingCheckpointConfig.class);
        return orchestrator.checkpointPlan(key, every != null ? every : now.checkpointEvery(),
                keep != null ? keep : now.checkpointKeep());
    }
}

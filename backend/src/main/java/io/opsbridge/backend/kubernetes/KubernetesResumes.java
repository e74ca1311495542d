package io.opsbridge.backend.kubernetes;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.EngineResumes;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.workloads.training.TrainingResumes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A failed training that ran as a Kubernetes Job, resumed by an operator ({@code POST …/resume}): its next
 * attempt is a new Job ({@code …-a2}, same checkpoint key, so its pod continues from the newest checkpoint),
 * recorded in {@code metadata.job_name}; the attempt {@code runs_on} the Job until a read finds its pod.
 */
@ApplicationScoped
public class KubernetesResumes implements EngineResumes {

    private static final Logger LOG = Logger.getLogger(KubernetesResumes.class);
    /** The {@code runs_on} of an attempt whose Job has no pod followed yet. */
    static final String JOB_PREFIX = "job ";

    private final KubernetesTrainings trainings;
    private final TrainingResumes resumes;
    private final OperationStore store;
    private final OperationCache cache;
    private final ProgressSources sources;

    public KubernetesResumes(KubernetesTrainings trainings, TrainingResumes resumes, OperationStore store,
            OperationCache cache, ProgressSources sources) {
        this.trainings = trainings;
        this.resumes = resumes;
        this.store = store;
        this.cache = cache;
        this.sources = sources;
    }

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event,
            OperationResumes operations) {
        operations.resumeOnEngineWith(this);
    }

    @Override
    public String engine() {
        return OperationMetadata.ENGINE_KUBERNETES;
    }

    @Override
    public OperationInfo place(OperationInfo resumed) {
        String id = resumed.operationId();
        resumes.storeCheckpointedEpochs(resumed);
        int attempt = resumed.attempts().count();
        KubernetesTrainings.CreatedJob job = trainings.createJob(TrainingResumes.requestOf(resumed), id, attempt);
        String jobName = job.name();
        OperationInfo moved = store.update(id, op -> op.status() != OperationStatus.RUNNING ? op
                : JobPods.runsOn(op.withProgress(op.progress(), op.metricsCount(), Instant.now())
                        .withMetadata(op.metadata().withJob(job.namespace(), jobName)), JOB_PREFIX + jobName))
                .orElseThrow(() -> new OperationNotFoundException(id));
        sources.remove(id);
        sources.follow(moved);
        cache.invalidate(id);
        LOG.infof("operation %s resumed as attempt %d: Job %s", id, attempt, jobName);
        return moved;
    }
}

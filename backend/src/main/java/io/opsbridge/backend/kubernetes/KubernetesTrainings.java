package io.opsbridge.backend.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationIds;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.hosts.WorkEngine;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.workloads.training.TrainingConfig;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The Kubernetes engine of trainings: each {@code mode=host} training is one {@code batch/v1} Job
 * ({@link TrainingJobSpec}), created before anything is recorded (a Job the API server refused records
 * nothing), then recorded running with {@code metadata.engine=kubernetes} and {@code job_name}, and
 * followed by its pod ({@link KubernetesSources}).
 */
@ApplicationScoped
public class KubernetesTrainings implements WorkEngine<TrainingRequest> {

    private static final Logger LOG = Logger.getLogger(KubernetesTrainings.class);

    private final JobClient jobs;
    private final Settings settings;
    private final TrainingJobs trainings;
    private final TrainingConfig training;
    private final OperationLifecycle lifecycle;
    private final ProgressSources sources;
    private final ObjectMapper json;

    public KubernetesTrainings(JobClient jobs, Settings settings, TrainingJobs trainings, TrainingConfig training,
            OperationLifecycle lifecycle, ProgressSources sources, ObjectMapper json) {
        this.jobs = jobs;
        this.settings = settings;
        this.trainings = trainings;
        this.training = training;
        this.lifecycle = lifecycle;
        this.sources = sources;
        this.json = json;
    }

    @Override
    public void checkConfigured() {
        // the settings were checked when they were loaded; the API server answers for the rest at the start
    }

    @Override
    public OperationInfo start(TrainingRequest valid) {
        String operationId = OperationIds.newId(OperationType.TRAINING, Instant.now());
        CreatedJob job = createJob(valid, operationId, 1);
        OperationMetadata metadata = new OperationMetadata(valid.symbols(), valid.timeframe(), WorkRequest.MODE_HOST,
                null, null, null, valid.toParameters(), OperationMetadata.ENGINE_KUBERNETES, job.name(),
                job.namespace());
        try {
            OperationInfo created = lifecycle.create(operationId, OperationType.TRAINING, metadata);
            sources.follow(created);
            return lifecycle.start(operationId);
        } catch (RuntimeException e) {
            deleteQuietly(job);
            throw e;
        }
    }

    /** A Job created for an attempt: where it is, recorded with the operation and followed there whatever the settings say later. */
    public record CreatedJob(String namespace, String name) {
    }

    /**
     * Creates the Job of attempt {@code attempt} of {@code operationId} running {@code valid} (checkpoints
     * under the operation id), as the settings say now.
     */
    public CreatedJob createJob(TrainingRequest valid, String operationId, int attempt) {
        KubernetesConfig k = settings.current().section(KubernetesConfig.class);
        String jobName = JobNames.jobName(operationId, attempt);
        String body;
        try {
            body = json.writeValueAsString(trainings.forHost(
                    (TrainingRequest) valid.withMode(WorkRequest.MODE_LOCAL), operationId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training request not writable as JSON", e);
        }
        Job job = TrainingJobSpec.of(k, jobName, operationId, valid.strategy(), body, training.modelsDir(),
                training.dataDir());
        String namespace = jobs.namespace();
        jobs.create(namespace, job);
        LOG.infof("operation %s -> Job %s/%s (%s:%s)", operationId, namespace, jobName, k.image(), k.tag());
        return new CreatedJob(namespace, jobName);
    }

    private void deleteQuietly(CreatedJob job) {
        try {
            jobs.delete(job.namespace(), job.name());
        } catch (RuntimeException e) {
            LOG.warnf("Job %s not deleted after its operation was not recorded: %s", job.name(), e.getMessage());
        }
    }
}

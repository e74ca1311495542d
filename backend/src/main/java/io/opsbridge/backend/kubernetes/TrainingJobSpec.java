package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code batch/v1} Job of one training: one pod ({@code restartPolicy: Never}) running the training
 * host in its one-job mode on the request in {@code OPSBRIDGE_JOB_REQUEST}, the host token from a Secret,
 * the backend's data directories at the same paths, its port named {@code http}. A disrupted pod
 * (drain, preemption, eviction: {@code DisruptionTarget}) does not count against the backoff limit: the
 * Job starts a replacement that resumes from the checkpoint; exit code {@value #BAD_INPUT_EXIT} (bad input)
 * fails the Job at once.
 */
public final class TrainingJobSpec {

    /** The label of the Job and its pods naming the backend's operation (label-safe, see {@link JobNames#labelValue}). */
    public static final String OPERATION_LABEL = "opsbridge.io/operation-id";
    /** The label naming the training's strategy. */
    public static final String STRATEGY_LABEL = "opsbridge.io/strategy";
    /** The label on each pod naming its Job: how the backend finds them, whoever created them. */
    public static final String JOB_LABEL = "opsbridge.io/job-name";
    /** The annotation holding the whole operation id. */
    public static final String OPERATION_ANNOTATION = "opsbridge.io/operation-id";
    /** The training host's container, and its port's name. */
    public static final String CONTAINER = "training-host";
    public static final String PORT_NAME = "http";
    /** The training host's exit code for a request it cannot run. */
    public static final int BAD_INPUT_EXIT = 3;

    private TrainingJobSpec() {
    }

    /**
     * The Job {@code jobName} of {@code operationId}, as {@code k} says now.
     *
     * @param request the JSON body a backend would post to a host's {@code /training/start}
     */
    public static Job of(KubernetesConfig k, String jobName, String operationId, String strategy, String request,
            Path modelsDir, Path dataDir) {
        Map<String, String> labels = Map.of(OPERATION_LABEL, JobNames.labelValue(operationId),
                STRATEGY_LABEL, JobNames.labelValue(strategy), JOB_LABEL, jobName,
                "app.kubernetes.io/name", "opsbridge-training", "app.kubernetes.io/managed-by", "opsbridge");
        Map<String, String> annotations = Map.of(OPERATION_ANNOTATION, operationId);
        PodSpecBuilder pod = new PodSpecBuilder().withRestartPolicy("Never").withContainers(container(k, request,
                modelsDir, dataDir));
        k.serviceAccount().ifPresent(pod::withServiceAccountName);
        pod.withImagePullSecrets(k.imagePullSecrets().orElse(List.of()).stream().map(LocalObjectReference::new).toList());
        pod.withNodeSelector(JobResources.nodeSelector(k.nodeSelector().orElse(List.of())));
        pod.withTolerations(k.tolerations().orElse(List.of()).stream().flatMap(t -> JobResources.toleration(t).stream())
                .toList());
        k.volumeClaim().ifPresent(claim -> pod.addNewVolume().withName("shared").withNewPersistentVolumeClaim()
                .withClaimName(claim).endPersistentVolumeClaim().endVolume());
        return new JobBuilder()
                .withNewMetadata().withName(jobName).withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withBackoffLimit(k.backoffLimit())
                .withActiveDeadlineSeconds(k.activeDeadlineSeconds().orElse(null))
                .withTtlSecondsAfterFinished(k.ttlSecondsAfterFinished())
                .withPodFailurePolicy(failurePolicy())
                .withNewTemplate().withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
                .withSpec(pod.build()).endTemplate()
                .endSpec().build();
    }

    /** Disruptions are ignored (the pod is replaced, not counted); the bad-input exit code fails the Job at once. */
    static PodFailurePolicy failurePolicy() {
        return new PodFailurePolicyBuilder()
                .addNewRule().withAction("Ignore").addNewOnPodCondition().withType("DisruptionTarget")
                .withStatus("True").endOnPodCondition().endRule()
                .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName(CONTAINER)
                .withOperator("In").withValues(BAD_INPUT_EXIT).endOnExitCodes().endRule()
                .build();
    }

    private static Container container(KubernetesConfig k, String request, Path modelsDir, Path dataDir) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("OPSBRIDGE_JOB_REQUEST", request, null));
        env.add(new EnvVar("OPSBRIDGE_JOB_GRACE", k.grace().toMillis() + "ms", null));
        env.add(new EnvVarBuilder().withName("OPSBRIDGE_HOST_TOKEN").withNewValueFrom().withNewSecretKeyRef()
                .withName(k.tokenSecret()).withKey(k.tokenSecretKey()).endSecretKeyRef().endValueFrom().build());
        env.add(new EnvVar("OPSBRIDGE_TRAINING_MODELS_DIR", modelsDir.toAbsolutePath().normalize().toString(), null));
        env.add(new EnvVar("OPSBRIDGE_TRAINING_DATA_DIR", dataDir.toAbsolutePath().normalize().toString(), null));
        env.add(new EnvVar("QUARKUS_HTTP_PORT", Integer.toString(k.port()), null));
        ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withImage(k.image() + ":" + k.tag())
                .withImagePullPolicy(k.pullPolicy()).withEnv(env)
                .addNewPort().withName(PORT_NAME).withContainerPort(k.port()).withProtocol("TCP").endPort()
                .withResources(JobResources.resources(k))
                .withNewReadinessProbe().withNewHttpGet().withPath("/q/health/ready").withPort(new IntOrString(PORT_NAME))
                .endHttpGet().withPeriodSeconds(5).endReadinessProbe();
        k.volumeClaim().ifPresent(claim -> container.addNewVolumeMount().withName("shared").withMountPath(k.mountPath())
                .endVolumeMount());
        return container.build();
    }
}

package io.opsbridge.backend.kubernetes;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Jobs of the Kubernetes engine ({@code opsbridge.training.routing.engine=kubernetes}): what each
 * training's {@code batch/v1} Job asks the cluster for. Read from the current settings at each Job's
 * creation (a change reaches the next Job; one running keeps its spec). Where the API server is, and
 * its credentials, are the Kubernetes client's own settings ({@code quarkus.kubernetes-client.*}).
 */
@Unremovable // read from the settings snapshot, injected nowhere
@ConfigMapping(prefix = "opsbridge.kubernetes")
public interface KubernetesConfig {

    /** The namespace of the Jobs; none: the client's (quarkus.kubernetes-client.namespace, or the backend pod's own). */
    Optional<String> namespace();

    /** The training host's image, without its tag. */
    @WithDefault("opsbridge/training-host")
    String image();

    /** The image's tag. */
    @WithDefault("latest")
    String tag();

    /** The container's imagePullPolicy: Always, IfNotPresent or Never. */
    @WithDefault("IfNotPresent")
    String pullPolicy();

    /** Names of the Secrets the pod pulls its image with. */
    Optional<List<String>> imagePullSecrets();

    /** The pod's service account; none: the namespace's default. */
    Optional<String> serviceAccount();

    /** The container's CPU request, e.g. {@code 500m}. */
    Optional<String> cpuRequest();

    /** The container's memory request, e.g. {@code 1Gi}. */
    Optional<String> memoryRequest();

    /** The container's CPU limit. */
    Optional<String> cpuLimit();

    /** The container's memory limit. */
    Optional<String> memoryLimit();

    /** An extended resource asked for as request and limit, e.g. {@code nvidia.com/gpu} (the shipped image trains on CPU only). */
    Optional<String> gpuResource();

    /** How many of {@code gpu-resource} a pod asks for. */
    @WithDefault("1")
    int gpuCount();

    /** The pod's node selector as {@code key=value} items. */
    Optional<List<String>> nodeSelector();

    /** The pod's tolerations as {@code key=value:Effect}, {@code key:Effect} (Exists) or {@code key=value} items. */
    Optional<List<String>> tolerations();

    /** The Job's activeDeadlineSeconds: the cluster fails a training running longer; none: no limit. */
    Optional<Long> activeDeadlineSeconds();

    /** The Job's ttlSecondsAfterFinished: the cluster removes an ended Job (and its pods) this long after. */
    @WithDefault("3600")
    int ttlSecondsAfterFinished();

    /** The Job's backoffLimit: pod failures it retries (a disruption does not count, exit code 3 fails it at once). */
    @WithDefault("2")
    int backoffLimit();

    /** The Secret holding the host token (the backend's opsbridge.proxy.token), passed as OPSBRIDGE_HOST_TOKEN. */
    @WithDefault("opsbridge-host-token")
    String tokenSecret();

    /** The key of the token in that Secret. */
    @WithDefault("token")
    String tokenSecretKey();

    /** How long an ended pod keeps answering its operations API before it exits 0 (OPSBRIDGE_JOB_GRACE). */
    @WithDefault("60s")
    Duration grace();

    /** The port the training host listens on, the container port named {@code http}. */
    @WithDefault("8081")
    int port();

    /** A PersistentVolumeClaim (ReadWriteMany) with the datasets, models, checkpoints and terminal records; none: no volume. */
    Optional<String> volumeClaim();

    /** Where the claim is mounted; the backend's data directories must lie under it, the same paths in the pod. */
    @WithDefault("/data")
    String mountPath();
}

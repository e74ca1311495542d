package io.opsbridge.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.opsbridge.core.settings.RuntimeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every setting of opsbridge.kubernetes.* lands in the Job as the API server stores it (fabric8's, CRUD mode). */
class TrainingJobSpecTest {

    private static final String ID = "op_training_20261207T161500123_0a1b2c3d";
    private static MockApiServer api;
    private static Job stored;

    @BeforeAll
    static void createOnTheApiServer() {
        KubernetesConfig k = RuntimeSettings.of(Map.ofEntries(Map.entry("opsbridge.kubernetes.image", "registry.example/ob/th"),
                Map.entry("opsbridge.kubernetes.tag", "9.9"), Map.entry("opsbridge.kubernetes.pull-policy", "Always"),
                Map.entry("opsbridge.kubernetes.image-pull-secrets", "regcred,other"),
                Map.entry("opsbridge.kubernetes.service-account", "trainer"),
                Map.entry("opsbridge.kubernetes.cpu-request", "500m"), Map.entry("opsbridge.kubernetes.memory-request", "1Gi"),
                Map.entry("opsbridge.kubernetes.cpu-limit", "2"), Map.entry("opsbridge.kubernetes.memory-limit", "3Gi"),
                Map.entry("opsbridge.kubernetes.gpu-resource", "nvidia.com/gpu"), Map.entry("opsbridge.kubernetes.gpu-count", "2"),
                Map.entry("opsbridge.kubernetes.node-selector", "pool=train,zone=a"),
                Map.entry("opsbridge.kubernetes.tolerations", "gpu=true:NoSchedule,dedicated:NoExecute"),
                Map.entry("opsbridge.kubernetes.active-deadline-seconds", "7200"),
                Map.entry("opsbridge.kubernetes.ttl-seconds-after-finished", "600"),
                Map.entry("opsbridge.kubernetes.backoff-limit", "4"), Map.entry("opsbridge.kubernetes.token-secret", "ob-token"),
                Map.entry("opsbridge.kubernetes.token-secret-key", "host"), Map.entry("opsbridge.kubernetes.grace", "30s"),
                Map.entry("opsbridge.kubernetes.port", "9090"), Map.entry("opsbridge.kubernetes.volume-claim", "ob-shared"),
                Map.entry("opsbridge.kubernetes.mount-path", "/shared")), KubernetesConfig.class).section(KubernetesConfig.class);
        Job job = TrainingJobSpec.of(k, JobNames.jobName(ID, 1), ID, "mlp_direction", "{\"symbols\":[\"AAPL\"]}",
                Path.of("/shared/models"), Path.of("/shared/market"));
        api = new MockApiServer();
        api.client().batch().v1().jobs().inNamespace("ns").resource(job).create();
        stored = api.client().batch().v1().jobs().inNamespace("ns").withName(JobNames.jobName(ID, 1)).get();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theJobIsNamedAndLabelledForItsOperation() {
        assertThat(stored.getMetadata().getName()).isEqualTo("op-training-20261207t161500123-0a1b2c3d")
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        Map<String, String> labels = Map.of("opsbridge.io/operation-id", ID, "opsbridge.io/strategy", "mlp_direction",
                "opsbridge.io/job-name", stored.getMetadata().getName());
        assertThat(stored.getMetadata().getLabels()).containsAllEntriesOf(labels);
        assertThat(stored.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(labels);
        assertThat(stored.getMetadata().getAnnotations()).containsEntry("opsbridge.io/operation-id", ID);
    }

    @Test
    void theJobRunsOncePerPodWithItsLimits() {
        assertThat(stored.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(stored.getSpec().getBackoffLimit()).isEqualTo(4);
        assertThat(stored.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200L);
        assertThat(stored.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
    }

    @Test
    void disruptionsAreIgnoredAndTheBadInputExitCodeFailsTheJob() {
        List<PodFailurePolicyRule> rules = stored.getSpec().getPodFailurePolicy().getRules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getAction()).isEqualTo("Ignore");
        assertThat(rules.get(0).getOnPodConditions()).singleElement()
                .satisfies(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("DisruptionTarget=True"));
        assertThat(rules.get(1).getAction()).isEqualTo("FailJob");
        assertThat(rules.get(1).getOnExitCodes().getContainerName()).isEqualTo("training-host");
        assertThat(rules.get(1).getOnExitCodes().getOperator()).isEqualTo("In");
        assertThat(rules.get(1).getOnExitCodes().getValues()).containsExactly(3);
    }

    @Test
    void thePodIsPlacedAsTheSettingsSay() {
        PodSpec pod = stored.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("trainer");
        assertThat(pod.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("regcred", "other");
        assertThat(pod.getNodeSelector()).isEqualTo(Map.of("pool", "train", "zone", "a"));
        assertThat(pod.getTolerations()).extracting(Toleration::getKey, Toleration::getOperator, Toleration::getValue,
                Toleration::getEffect).containsExactly(org.assertj.core.groups.Tuple.tuple("gpu", "Equal", "true",
                        "NoSchedule"), org.assertj.core.groups.Tuple.tuple("dedicated", "Exists", null, "NoExecute"));
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getPersistentVolumeClaim()
                .getClaimName()).isEqualTo("ob-shared"));
    }

    @Test
    void theContainerRunsTheTrainingHostInOneJobMode() {
        Container c = stored.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("training-host");
        assertThat(c.getImage()).isEqualTo("registry.example/ob/th:9.9");
        assertThat(c.getImagePullPolicy()).isEqualTo("Always");
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(9090);
        });
        assertThat(c.getResources().getRequests()).isEqualTo(Map.of("cpu", new Quantity("500m"), "memory",
                new Quantity("1Gi"), "nvidia.com/gpu", new Quantity("2")));
        assertThat(c.getResources().getLimits()).isEqualTo(Map.of("cpu", new Quantity("2"), "memory",
                new Quantity("3Gi"), "nvidia.com/gpu", new Quantity("2")));
        assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/shared"));
        Map<String, String> env = c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsEntry("OPSBRIDGE_JOB_REQUEST", "{\"symbols\":[\"AAPL\"]}")
                .containsEntry("OPSBRIDGE_JOB_GRACE", "30000ms").containsEntry("QUARKUS_HTTP_PORT", "9090")
                .containsEntry("OPSBRIDGE_TRAINING_MODELS_DIR", "/shared/models")
                .containsEntry("OPSBRIDGE_TRAINING_DATA_DIR", "/shared/market");
        EnvVar token = c.getEnv().stream().filter(e -> e.getName().equals("OPSBRIDGE_HOST_TOKEN")).findFirst().orElseThrow();
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ob-token");
        assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("host");
    }
}

package io.opsbridge.backend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code deploy/} are what Kubernetes reads: each parses into fabric8's model
 * classes with no field they do not know, the kustomization lists exactly the files there, the
 * backend's Role grants exactly what the Kubernetes engine does, and what the Deployment names
 * (Secrets and their keys, the claim, the settings, the service account) is deployed beside it.
 */
class DeployManifestsTest {

    private static final Path KUBERNETES = Manifests.DEPLOY.resolve("kubernetes");

    @Test
    void everyManifestParsesWithNoUnknownFieldAnywhere() {
        List<Path> files = Manifests.files(Manifests.DEPLOY);
        assertThat(files).as("manifests under %s", Manifests.DEPLOY.toAbsolutePath()).isNotEmpty();
        for (Path file : files) {
            List<HasMetadata> resources = Manifests.parse(file);
            assertThat(resources).as(file.toString()).isNotEmpty();
            for (HasMetadata resource : resources) {
                assertThat(Manifests.unknownFields(resource)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void aMisspelledFieldIsFoundHoweverDeepItSits() {
        List<HasMetadata> job = Manifests.parse("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: training
                spec:
                  backofLimit: 2
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: host
                          image: opsbridge/training-host
                          imagePullPolice: Always
                """);

        assertThat(Manifests.unknownFields(job.get(0))).containsExactlyInAnyOrder("Job training: spec.backofLimit",
                "Job training: spec.template.spec.containers[0].imagePullPolice");
    }

    @Test
    void anUnknownKindOrAValueOfTheWrongTypeFailsToo() {
        List<HasMetadata> unknownKind = Manifests.parse("""
                apiVersion: batch/v1
                kind: Jobb
                metadata:
                  name: typo
                """);
        assertThat(Manifests.unknownFields(unknownKind.get(0))).singleElement().asString().contains("no model class");

        assertThatThrownBy(() -> Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - port: 8080
                      protocol: [TCP]
                """)).hasMessageContaining("Cannot deserialize");
    }

    @Test
    void theKustomizationListsExactlyTheFilesBesideIt() throws Exception {
        Map<String, Object> kustomization = Manifests.tree(KUBERNETES.resolve(Manifests.KUSTOMIZATION));
        assertThat(kustomization).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .containsEntry("kind", "Kustomization").containsKey("namespace");
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) kustomization.get("resources");
        for (String resource : listed) {
            assertThat(KUBERNETES.resolve(resource)).as("listed in kustomization.yaml").isRegularFile();
        }
        assertThat(listed).as("every manifest beside it is listed").containsExactlyInAnyOrderElementsOf(
                Manifests.files(KUBERNETES).stream().map(p -> KUBERNETES.relativize(p).toString()).toList());
        assertThat(kustomization.keySet()).as("only the fields used here, each a kustomize field")
                .isSubsetOf("apiVersion", "kind", "namespace", "labels", "resources");
    }

    @Test
    void theRoleGrantsExactlyWhatTheEngineDoesWithJobsAndPods() {
        Role role = only(Role.class);
        Set<String> grants = role.getRules().stream().flatMap(DeployManifestsTest::grants).collect(Collectors.toSet());

        assertThat(grants).containsExactlyInAnyOrder("batch/jobs:create", "batch/jobs:get", "batch/jobs:list",
                "batch/jobs:delete", "/pods:get", "/pods:list");
        assertThat(role.getRules()).allSatisfy(rule -> assertThat(rule.getResourceNames()).isNullOrEmpty());
        RoleBinding binding = only(RoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(backend().getSpec().getTemplate().getSpec().getServiceAccountName());
        });
    }

    @Test
    void theBackendRunsTwoDistinctReplicasWithProbesAndAGracefulStop() {
        Deployment backend = backend();
        Container container = backend.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(backend.getSpec().getReplicas()).isEqualTo(2);
        assertThat(env(container, "OPSBRIDGE_STORE_NODE_ID").getValue()).isEqualTo("$(POD_NAME)");
        assertThat(env(container, "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "10");
        assertThat(backend.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("the preStop, then the replica's own shutdown timeout").isGreaterThan(10 + 20);
        assertThat(env(container, "QUARKUS_SHUTDOWN_TIMEOUT").getValue()).isEqualTo("20s");
    }

    @Test
    void whatTheBackendNamesIsDeployedBesideIt() {
        Deployment backend = backend();
        Container container = backend.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Secret> secrets = Manifests.all(KUBERNETES).stream().filter(Secret.class::isInstance)
                .map(Secret.class::cast).collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                assertThat(secrets).as(variable.getName()).containsKey(ref.getName());
                assertThat(secrets.get(ref.getName()).getStringData()).as(variable.getName()).containsKey(ref.getKey());
            }
        }
        List<Volume> volumes = backend.getSpec().getTemplate().getSpec().getVolumes();
        PersistentVolumeClaim claim = only(PersistentVolumeClaim.class);
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(volumes).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .extracting(v -> v.getPersistentVolumeClaim().getClaimName()).containsExactly(claim.getMetadata().getName());
        var settings = only(io.fabric8.kubernetes.api.model.ConfigMap.class);
        assertThat(volumes).filteredOn(v -> v.getConfigMap() != null).extracting(v -> v.getConfigMap().getName())
                .containsExactly(settings.getMetadata().getName());
        String settingsFile = env(container, "OPSBRIDGE_SETTINGS_FILE").getValue();
        assertThat(settings.getData()).containsKey(Path.of(settingsFile).getFileName().toString());
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                .isEqualTo(Path.of(settingsFile).getParent().toString()));
    }

    private static java.util.stream.Stream<String> grants(PolicyRule rule) {
        return rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream()
                .flatMap(resource -> rule.getVerbs().stream().map(verb -> group + "/" + resource + ":" + verb)));
    }

    private static Deployment backend() {
        return only(Deployment.class);
    }

    private static <T extends HasMetadata> T only(Class<T> kind) {
        List<T> found = Manifests.all(KUBERNETES).stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set"));
    }
}

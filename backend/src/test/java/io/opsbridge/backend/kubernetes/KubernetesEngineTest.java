package io.opsbridge.backend.kubernetes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.CandidateValidator;
import io.opsbridge.core.settings.reload.SettingsReloader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code engine=kubernetes} a host training is a Job on fabric8's API server (CRUD mode, in this
 * process); a pod that waits shows Kubernetes' reason, the bad-input exit code fails the training at
 * once, a cancel deletes the Job. The Job's spec itself: {@link TrainingJobSpecTest}.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(KubernetesEngineTest.OnKubernetes.class)
class KubernetesEngineTest {

    static final String NAMESPACE = "trainings";

    public static class OnKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.training.routing.engine", "kubernetes",
                    "opsbridge.kubernetes.namespace", NAMESPACE,
                    "opsbridge.kubernetes.tag", "1.2.3");
        }
    }

    @Inject
    KubernetesClient client;
    @Inject
    Settings settings;
    @Inject
    SettingsReloader reloader;

    @Test
    void aHostTrainingIsOneJobRecordedWithItsEngineAndName() {
        String id = start();

        JsonPath op = given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("status", equalTo("running")).body("metadata.mode", equalTo("host"))
                .body("metadata.engine", equalTo("kubernetes")).extract().jsonPath();
        String jobName = op.getString("metadata.job_name");
        assertThat(jobName).isEqualTo(JobNames.jobName(id, 1)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        Job job = client.batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName).get();
        assertThat(job).isNotNull();
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("opsbridge/training-host:1.2.3");
        assertThat(job.getMetadata().getAnnotations()).containsEntry(TrainingJobSpec.OPERATION_ANNOTATION, id);
    }

    @Test
    void aPodNotRunningYetShowsPendingWithKubernetesReason() {
        String id = start();
        String jobName = JobNames.jobName(id, 1);
        given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("progress.message", equalTo("pending: Job " + jobName + " created, waiting for its pod"));

        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod(jobName, "unscheduled")).create();
        pod.setStatus(PodStates.unschedulable("0/3 nodes are available: 3 Insufficient cpu."));
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("force_refresh", true)
                .get("/api/v1/operations/{id}", id).then().statusCode(200).body("status", equalTo("running"))
                .body("progress.message", equalTo("pending: Unschedulable: 0/3 nodes are available: 3 Insufficient cpu."))
                .body("progress.context.pod_phase", equalTo("Pending"))
                .body("progress.context.pod_reason", startsWith("Unschedulable")));

        pod = client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).get();
        pod.setStatus(PodStates.waiting("ImagePullBackOff", "Back-off pulling image \"opsbridge/training-host:1.2.3\""));
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("force_refresh", true)
                .get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("progress.message", startsWith("pending: ImagePullBackOff: Back-off pulling image")));
    }

    @Test
    void theBadInputExitCodeFailsTheTrainingAtOnce() {
        String id = start();
        String jobName = JobNames.jobName(id, 1);
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod(jobName, "bad")).create();
        pod.setStatus(PodStates.exited(3, "Error", "strategy: unknown strategy"));
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("force_refresh", true)
                .get("/api/v1/operations/{id}", id).then().statusCode(200).body("status", equalTo("failed"))
                .body("error_message", startsWith("bad input: the training host of Job " + jobName
                        + " exited with code 3 (Error: strategy: unknown strategy)")));
    }

    @Test
    void aJobIsFollowedInTheNamespaceRecordedWithItWhateverTheSettingSaysLater() {
        String id = start();
        String jobName = JobNames.jobName(id, 1);
        given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("metadata.job_namespace", equalTo(NAMESPACE));
        RuntimeSettings before = settings.current();
        CandidateValidator.Result moved = new CandidateValidator(reloader.catalog(), before)
                .validate(Map.of("opsbridge.kubernetes.namespace", "elsewhere"));
        assertThat(moved.errors()).isEmpty();
        settings.apply(moved.candidate());
        try {
            Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod(jobName, "after-move")).create();
            pod.setStatus(PodStates.unschedulable("0/1 nodes are available: 1 node(s) had untolerated taint."));
            client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("force_refresh", true)
                    .get("/api/v1/operations/{id}", id).then().statusCode(200).body("status", equalTo("running"))
                    .body("progress.message", startsWith("pending: Unschedulable: 0/1 nodes")));
            String next = start();
            given().get("/api/v1/operations/{id}", next).then().statusCode(200)
                    .body("metadata.job_namespace", equalTo("elsewhere"));
            assertThat(client.batch().v1().jobs().inNamespace("elsewhere").withName(JobNames.jobName(next, 1)).get())
                    .isNotNull();

            given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
            assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName).get()).isNull();
            given().post("/api/v1/operations/{id}/cancel", next).then().statusCode(200);
        } finally {
            settings.apply(before);
        }
    }

    @Test
    void aCancelDeletesTheJob() {
        String id = start();
        String jobName = JobNames.jobName(id, 1);
        client.pods().inNamespace(NAMESPACE).resource(pod(jobName, "waiting")).create();

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));

        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName).get()).isNull();
    }

    private static String start() {
        return given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":2,\"mode\":\"host\",\"seed\":7}")
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
    }

    /** A pod of {@code jobName} as the Job controller would make it (labels from the template), not yet placed. */
    static Pod pod(String jobName, String suffix) {
        return new PodBuilder().withNewMetadata().withName(jobName + "-" + suffix)
                .withCreationTimestamp(Instant.now().toString())
                .addToLabels(TrainingJobSpec.JOB_LABEL, jobName).endMetadata()
                .withNewSpec().addNewContainer().withName(TrainingJobSpec.CONTAINER).withImage("x")
                .addNewPort().withName(TrainingJobSpec.PORT_NAME).withContainerPort(8081).endPort().endContainer()
                .endSpec().build();
    }
}

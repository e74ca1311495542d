package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.opsbridge.backend.kubernetes.JobNames;
import io.opsbridge.backend.kubernetes.PodStates;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes engine end to end ({@link KubernetesCluster}: a packaged backend on fabric8's standalone API
 * server), the test playing the Job controller and kubelet ({@link PlayedPod}: a real training host in one-job
 * mode per pod, on the Job's pod template). Resumes and restarts: {@link KubernetesResumeIT}.
 */
class KubernetesEngineIT {

    private static final Duration PATIENCE = KubernetesCluster.PATIENCE;
    private static final String NS = KubernetesCluster.NS;
    private static final String REQUEST = KubernetesCluster.REQUEST;
    private static KubernetesCluster k8s;

    @BeforeAll
    static void cluster() throws Exception {
        k8s = KubernetesCluster.get();
    }

    @Test
    void aJobIsFollowedByPullingItsPodUntilCompletedWithTheModelRegistered() throws Exception {
        KubernetesCluster.Straight run = k8s.straightRun();
        JsonPath done = k8s.operation(run.id());
        assertThat(done.getString("metadata.engine")).isEqualTo("kubernetes");
        assertThat(done.getString("metadata.job_name")).isEqualTo(JobNames.jobName(run.id(), 1));
        assertThat(done.getInt("attempts.count")).isEqualTo(1);
        assertThat(done.getInt("metrics_count")).isEqualTo(KubernetesCluster.EPOCHS);
        k8s.assertLikeTheStraightRun(run.id());
        k8s.assertModelRegistered(done);
        assertThat(run.firstProgressMillis()).as("start request to first progress").isLessThan(60_000);
        Files.writeString(Path.of("target", "kubernetes-first-progress-ms.txt"), "pod_ready_ms=" + run.podReadyMillis()
                + " first_progress_ms=" + run.firstProgressMillis() + "\n");
    }

    @Test
    void aPodThatCannotBeScheduledShowsKubernetesReasonAndACancelDeletesItsJob() {
        String id = k8s.start(REQUEST);
        Job job = k8s.job(id, 1);
        PlayedPod pod = PlayedPod.created(k8s.api.client(), job, job.getMetadata().getName() + "-p");
        pod.status(PodStates.unschedulable("0/3 nodes are available: 3 Insufficient memory."));
        await().atMost(PATIENCE).until(() -> "pending: Unschedulable: 0/3 nodes are available: 3 Insufficient memory."
                .equals(k8s.operation(id).getString("progress.message")));
        assertThat(k8s.operation(id).getString("status")).isEqualTo("running");

        k8s.backend().http().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
        assertThat(k8s.operation(id).getString("status")).isEqualTo("cancelled");
        assertThat(k8s.api.client().batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).get())
                .isNull();
    }

    @Test
    void aCancelStopsThePodsOwnOperationThroughItsApiBeforeTheJobIsDeleted() {
        String id = k8s.start(REQUEST.replace("\"epochs\":" + KubernetesCluster.EPOCHS, "\"epochs\":400"));
        Job job = k8s.job(id, 1);
        try (PlayedPod pod = k8s.run(job, "c")) {
            await().atMost(PATIENCE).until(() -> k8s.operation(id).getInt("metrics_count") >= 1);
            AtomicReference<String> podOperationAtDelete = new AtomicReference<>();
            k8s.api.onDelete(path -> {
                if (path.contains("/jobs/" + job.getMetadata().getName())) {
                    podOperationAtDelete.set(given().get(pod.url() + "/api/v1/operations").jsonPath()
                            .getString("operations[0].status"));
                }
            });
            k8s.backend().http().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);

            assertThat(podOperationAtDelete.get()).as("the pod's operation when the Job's DELETE arrived")
                    .isEqualTo("cancelled");
            assertThat(k8s.operation(id).getString("status")).isEqualTo("cancelled");
        } finally {
            k8s.api.onDelete(path -> { });
        }
    }

    @Test
    void anEvictedPodsReplacementResumesFromTheCheckpointAndEndsLikeAStraightRun() throws Exception {
        k8s.straightRun();
        String id = k8s.start(REQUEST);
        Job job = k8s.job(id, 1);
        PlayedPod first = k8s.run(job, "e1");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> k8s.operation(id, true)
                .getInt("metrics_count") >= 3);
        first.evict();
        await().atMost(PATIENCE).until(() -> k8s.operation(id, true).getString("progress.message")
                .contains("was disrupted: DisruptionTarget: EvictionByEvictionAPI"));

        try (PlayedPod second = k8s.run(job, "e2")) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !k8s.operation(id).getString("status").equals("running"));
            JsonPath done = k8s.operation(id);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
            assertThat(done.getInt("attempts.count")).isEqualTo(2);
            assertThat(done.getString("attempts.items[1].runs_on")).isEqualTo("pod " + second.name());
            assertThat(done.getString("attempts.items[1].previous_ended")).startsWith("pod " + first.name())
                    .contains("DisruptionTarget");
            assertThat(done.getString("metadata.job_name")).isEqualTo(job.getMetadata().getName());
            k8s.assertLikeTheStraightRun(id);
            assertThat(second.exited(PATIENCE)).isZero();
        }
    }

    @Test
    void aPodThatEndedUnobservedAndWhoseJobIsGoneCompletesFromItsTerminalRecord() throws Exception {
        String id = k8s.start(REQUEST.replace("\"epochs\":" + KubernetesCluster.EPOCHS, "\"epochs\":3"));
        Job job = k8s.job(id, 1);
        PlayedPod pod = k8s.run(job, "t");
        assertThat(pod.exited(PATIENCE)).isZero(); // nobody read it meanwhile
        pod.delete();
        k8s.api.client().batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).delete();

        JsonPath done = k8s.operation(id);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
        assertThat(done.getInt("metrics_count")).isEqualTo(3);
        k8s.assertModelRegistered(done);
    }

    @Test
    void theBadInputExitCodeFailsTheTrainingAtOnce() throws Exception {
        String id = k8s.start(REQUEST.replace("AAPL", "NODATA"));
        try (PlayedPod pod = k8s.run(k8s.job(id, 1), "x")) {
            assertThat(pod.exited(PATIENCE)).isEqualTo(3);
            await().atMost(PATIENCE).until(() -> k8s.operation(id).getString("status").equals("failed"));
            assertThat(k8s.operation(id).getString("error_message")).containsIgnoringCase("NODATA");
            k8s.backend().admin().post("/api/v1/operations/{id}/resume", id).then().statusCode(409); // it would fail alike
        }
    }
}

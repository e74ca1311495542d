package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.opsbridge.backend.kubernetes.JobNames;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trainings on Kubernetes across a backend restart and an operator's resume ({@link KubernetesCluster}, the
 * test playing the Job controller): nothing the backend knows of a Job lives only in its memory, and a
 * resume the backend starts is a new Job whose pod continues from the checkpoint.
 */
class KubernetesResumeIT {

    private static final Duration PATIENCE = KubernetesCluster.PATIENCE;
    private static KubernetesCluster k8s;

    @BeforeAll
    static void cluster() throws Exception {
        k8s = KubernetesCluster.get();
    }

    @Test
    void aRestartedBackendFollowsItsJobFromTheDatabase() throws Exception {
        k8s.straightRun();
        String id = k8s.start(KubernetesCluster.REQUEST);
        try (PlayedPod pod = k8s.run(k8s.job(id, 1), "r")) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> k8s.operation(id, true)
                    .getInt("metrics_count") >= 2);
            k8s.restartBackend();

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !k8s.operation(id).getString("status").equals("running"));
            JsonPath done = k8s.operation(id);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
            assertThat(done.getInt("attempts.count")).isEqualTo(1);
            k8s.assertLikeTheStraightRun(id);
            k8s.assertModelRegistered(done);
        }
    }

    @Test
    void aFailedJobResumedByAnOperatorRunsAsANewJobFromTheCheckpoint() throws Exception {
        k8s.straightRun();
        String id = k8s.start(KubernetesCluster.REQUEST);
        Job first = k8s.job(id, 1);
        PlayedPod crashed = k8s.run(first, "f");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> k8s.operation(id, true)
                .getInt("metrics_count") >= 3);
        crashed.crash();
        first.setStatus(new JobStatusBuilder().addNewCondition().withType("Failed").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                .endCondition().build());
        k8s.api.client().batch().v1().jobs().inNamespace(KubernetesCluster.NS).resource(first).updateStatus();
        await().atMost(PATIENCE).until(() -> k8s.operation(id, true).getString("status").equals("failed"));
        assertThat(k8s.operation(id).getString("error_message")).isEqualTo("Job " + first.getMetadata().getName()
                + " failed: BackoffLimitExceeded: Job has reached the specified backoff limit");

        JsonPath resumed = k8s.backend().admin().post("/api/v1/operations/{id}/resume", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(resumed.getString("status")).isEqualTo("running");
        assertThat(resumed.getString("metadata.job_name")).isEqualTo(JobNames.jobName(id, 2));
        Job second = k8s.job(id, 2);
        try (PlayedPod pod = k8s.run(second, "g")) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !k8s.operation(id).getString("status").equals("running"));
            JsonPath done = k8s.operation(id);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
            assertThat(done.getInt("attempts.count")).isEqualTo(2);
            assertThat(done.getString("attempts.items[1].runs_on")).isEqualTo("pod " + pod.name());
            assertThat(done.getInt("attempts.items[1].from_epoch")).isGreaterThanOrEqualTo(3);
            k8s.assertLikeTheStraightRun(id);
        }
    }
}

package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.opsbridge.backend.kubernetes.JobNames;
import io.opsbridge.backend.kubernetes.MockApiServer;
import io.opsbridge.backend.kubernetes.PodStates;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes engine end to end: a packaged backend pointed at fabric8's API server (standalone, CRUD
 * mode, a free port) by its Kubernetes client settings, the test playing the Job controller and kubelet
 * ({@link PlayedPod}: a real training host in one-job mode per pod, on the Job's pod template). One backend
 * and one API server for every scenario; tiny data (600 bars of one symbol).
 */
class KubernetesEngineIT {

    static final String NS = "opsbridge";
    static final String TOKEN = "k8s-host-token-0123456789";
    static final int EPOCHS = 30;
    static final String REQUEST = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + EPOCHS
            + ",\"batch_size\":16,\"seed\":7,\"mode\":\"host\"}";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final Path HOST_JAR = Path.of(System.getProperty("training-host.jar",
            "../training-host/target/quarkus-app/quarkus-run.jar")).toAbsolutePath();

    @TempDir
    static Path work;
    static MockApiServer api;
    static BackendProcess backend;
    private static Straight straight;

    /** A straight run: its metrics; from its start request to its pod's host ready and to its first progress. */
    record Straight(String id, List<Map<String, Object>> metrics, long podReadyMillis, long firstProgressMillis) {
    }

    @BeforeAll
    static void start() throws Exception {
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(work.resolve("market"), List.of("AAPL"), "1h",
                600);
        api = new MockApiServer();
        backend = BackendProcess.start(work, "backend", Map.ofEntries(
                Map.entry("quarkus.kubernetes-client.api-server-url", api.url()),
                Map.entry("opsbridge.training.routing.engine", "kubernetes"),
                Map.entry("opsbridge.kubernetes.namespace", NS), Map.entry("opsbridge.kubernetes.grace", "1s"),
                Map.entry("opsbridge.proxy.token", TOKEN), Map.entry("opsbridge.proxy.connect-timeout", "500ms"),
                Map.entry("opsbridge.proxy.read-timeout", "15s"), Map.entry("opsbridge.operations.cache-ttl", "200ms"),
                Map.entry("opsbridge.store.progress-persist-interval", "200ms"),
                Map.entry("opsbridge.data.sample-at-startup", "false"),
                Map.entry("opsbridge.training.checkpoint-every", "1")), Map.of());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        api.close();
    }

    @Test
    void aJobIsFollowedByPullingItsPodUntilCompletedWithTheModelRegistered() throws Exception {
        Straight run = straightRun();
        JsonPath done = operation(run.id());
        assertThat(done.getString("metadata.engine")).isEqualTo("kubernetes");
        assertThat(done.getString("metadata.job_name")).isEqualTo(JobNames.jobName(run.id(), 1));
        assertThat(done.getInt("attempts.count")).isEqualTo(1);
        assertThat(done.getInt("metrics_count")).isEqualTo(EPOCHS);
        assertThat(run.metrics()).extracting(m -> m.get("epoch"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        assertThat(done.getString("result_summary.registry_version")).matches("v\\d+");
        backend.http().get("/api/v1/models/{strategy}/{version}", done.getString("result_summary.strategy"),
                done.getString("result_summary.registry_version")).then().statusCode(200)
                .body("operation_id", org.hamcrest.Matchers.equalTo(done.getString("operation_id")));
        assertThat(run.firstProgressMillis()).as("start request to first progress").isLessThan(60_000);
        Files.writeString(Path.of("target", "kubernetes-first-progress-ms.txt"), "pod_ready_ms=" + run.podReadyMillis()
                + " first_progress_ms=" + run.firstProgressMillis() + "\n");
    }

    @Test
    void aPodThatCannotBeScheduledShowsKubernetesReasonAndACancelDeletesItsJob() {
        String id = RestartIT.start(backend, REQUEST);
        Job job = job(id);
        PlayedPod pod = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-p");
        pod.status(PodStates.unschedulable("0/3 nodes are available: 3 Insufficient memory."));
        await().atMost(PATIENCE).until(() -> "pending: Unschedulable: 0/3 nodes are available: 3 Insufficient memory."
                .equals(operation(id).getString("progress.message")));
        assertThat(operation(id).getString("status")).isEqualTo("running");

        backend.http().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
        assertThat(operation(id).getString("status")).isEqualTo("cancelled");
        assertThat(api.client().batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).get()).isNull();
    }

    @Test
    void aCancelStopsThePodsOwnOperationThroughItsApiBeforeTheJobIsDeleted() throws Exception {
        String id = RestartIT.start(backend, REQUEST.replace("\"epochs\":" + EPOCHS, "\"epochs\":400"));
        Job job = job(id);
        try (PlayedPod pod = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-c").run(job, secrets(),
                HOST_JAR)) {
            await().atMost(PATIENCE).until(() -> operation(id).getInt("metrics_count") >= 1);
            AtomicReference<String> podOperationAtDelete = new AtomicReference<>();
            api.onDelete(path -> {
                if (path.contains("/jobs/" + job.getMetadata().getName())) {
                    podOperationAtDelete.set(given().get(pod.url() + "/api/v1/operations").jsonPath()
                            .getString("operations[0].status"));
                }
            });
            backend.http().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);

            assertThat(podOperationAtDelete.get()).as("the pod's operation when the Job's DELETE arrived")
                    .isEqualTo("cancelled");
            assertThat(operation(id).getString("status")).isEqualTo("cancelled");
        } finally {
            api.onDelete(path -> { });
        }
    }

    @Test
    void anEvictedPodsReplacementResumesFromTheCheckpointAndEndsLikeAStraightRun() throws Exception {
        Straight reference = straightRun();
        String id = RestartIT.start(backend, REQUEST);
        Job job = job(id);
        PlayedPod first = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-e1").run(job, secrets(),
                HOST_JAR);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> operation(id, true)
                .getInt("metrics_count") >= 3);
        first.evict();
        await().atMost(PATIENCE).until(() -> operation(id, true).getString("progress.message")
                .contains("was disrupted: DisruptionTarget: EvictionByEvictionAPI"));

        try (PlayedPod second = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-e2")
                .run(job, secrets(), HOST_JAR)) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !operation(id).getString("status").equals("running"));
            JsonPath done = operation(id);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
            assertThat(done.getInt("attempts.count")).isEqualTo(2);
            assertThat(done.getString("attempts.items[1].runs_on")).isEqualTo("pod " + second.name());
            assertThat(done.getString("attempts.items[1].previous_ended")).startsWith("pod " + first.name())
                    .contains("DisruptionTarget");
            assertThat(done.getString("metadata.job_name")).isEqualTo(job.getMetadata().getName());
            assertSameEpochs(RestartIT.metrics(backend, id), reference.metrics());
            assertThat(second.exited(PATIENCE)).isZero();
        }
    }

    @Test
    void aPodThatEndedUnobservedAndWhoseJobIsGoneCompletesFromItsTerminalRecord() throws Exception {
        String id = RestartIT.start(backend, REQUEST.replace("\"epochs\":" + EPOCHS, "\"epochs\":3"));
        Job job = job(id);
        PlayedPod pod = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-t").run(job, secrets(),
                HOST_JAR);
        assertThat(pod.exited(PATIENCE)).isZero(); // nobody read it meanwhile
        pod.delete();
        api.client().batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).delete();

        JsonPath done = operation(id);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
        assertThat(done.getInt("metrics_count")).isEqualTo(3);
        assertThat(done.getString("result_summary.registry_version")).matches("v\\d+");
        backend.http().get("/api/v1/models/{strategy}/{version}", done.getString("result_summary.strategy"),
                done.getString("result_summary.registry_version")).then().statusCode(200)
                .body("operation_id", org.hamcrest.Matchers.equalTo(done.getString("operation_id")));
    }

    @Test
    void theBadInputExitCodeFailsTheTrainingAtOnce() throws Exception {
        String id = RestartIT.start(backend, REQUEST.replace("AAPL", "NODATA"));
        Job job = job(id);
        try (PlayedPod pod = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-x").run(job, secrets(),
                HOST_JAR)) {
            assertThat(pod.exited(PATIENCE)).isEqualTo(3);
            await().atMost(PATIENCE).until(() -> operation(id).getString("status").equals("failed"));
            assertThat(operation(id).getString("error_message")).containsIgnoringCase("NODATA");
        }
    }

    /** One straight run of {@link #REQUEST}, made once and shared: the reference of the eviction. */
    private static synchronized Straight straightRun() throws Exception {
        if (straight == null) {
            long started = System.nanoTime();
            String id = RestartIT.start(backend, REQUEST);
            Job job = job(id);
            try (PlayedPod pod = PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-s")
                    .run(job, secrets(), HOST_JAR)) {
                long ready = (System.nanoTime() - started) / 1_000_000;
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
                    JsonPath op = operation(id);
                    return op.getInt("metrics_count") > 0 || op.getString("progress.current_step") != null;
                });
                long first = (System.nanoTime() - started) / 1_000_000;
                await().atMost(PATIENCE).until(() -> !operation(id).getString("status").equals("running"));
                assertThat(operation(id).getString("status")).isEqualTo("completed");
                assertThat(pod.exited(PATIENCE)).isZero();
                straight = new Straight(id, RestartIT.metrics(backend, id), ready, first);
            }
        }
        return straight;
    }

    private static Job job(String id) {
        String name = JobNames.jobName(id, 1);
        return await().atMost(PATIENCE).until(() -> api.client().batch().v1().jobs().inNamespace(NS).withName(name)
                .get(), j -> j != null);
    }

    private static Map<String, String> secrets() {
        return Map.of("opsbridge-host-token/token", TOKEN);
    }

    private static JsonPath operation(String id) {
        return operation(id, false);
    }

    private static JsonPath operation(String id, boolean force) {
        return backend.http().get("/api/v1/operations/{id}?force_refresh=" + force, id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertSameEpochs(List<Map<String, Object>> resumed, List<Map<String, Object>> reference) {
        assertThat(resumed).extracting(m -> m.get("epoch")).as("every epoch once, in order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        for (int i = 0; i < EPOCHS; i++) {
            for (String key : List.of("train_loss", "val_loss", "train_accuracy", "val_accuracy")) {
                assertThat(((Number) resumed.get(i).get(key)).doubleValue()).as("epoch %d %s", i + 1, key)
                        .isCloseTo(((Number) reference.get(i).get(key)).doubleValue(), within(1e-6));
            }
        }
    }
}

package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.opsbridge.backend.kubernetes.JobNames;
import io.opsbridge.backend.kubernetes.MockApiServer;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the Kubernetes end-to-end tests share, started once per test JVM: fabric8's API server (standalone,
 * CRUD mode, a free port), a packaged backend pointed at it by its Kubernetes client settings, tiny data
 * (600 bars of one symbol) and one straight run of {@link #REQUEST} as the reference of resumed runs.
 */
final class KubernetesCluster {

    static final String NS = "opsbridge";
    static final String TOKEN = "k8s-host-token-0123456789";
    static final int EPOCHS = 60; // long enough that a pod is evicted or crashed mid-run
    static final String REQUEST = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + EPOCHS
            + ",\"batch_size\":16,\"seed\":7,\"mode\":\"host\"}";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path HOST_JAR = Path.of(System.getProperty("training-host.jar",
            "../training-host/target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private static KubernetesCluster shared;

    /** A straight run: its metrics; from its start request to its pod's host ready and to its first progress. */
    record Straight(String id, List<Map<String, Object>> metrics, long podReadyMillis, long firstProgressMillis) {
    }

    final MockApiServer api = new MockApiServer();
    private final Path work;
    private final Map<String, String> config;
    private volatile BackendProcess backend;
    private Straight straight;

    private KubernetesCluster() throws Exception {
        work = Files.createDirectories(Path.of("target", "k8s-e2e-" + System.nanoTime()).toAbsolutePath());
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(work.resolve("market"), List.of("AAPL"), "1h",
                600);
        config = Map.ofEntries(Map.entry("quarkus.kubernetes-client.api-server-url", api.url()),
                Map.entry("opsbridge.training.routing.engine", "kubernetes"),
                Map.entry("opsbridge.kubernetes.namespace", NS), Map.entry("opsbridge.kubernetes.grace", "1s"),
                Map.entry("opsbridge.proxy.token", TOKEN), Map.entry("opsbridge.proxy.connect-timeout", "500ms"),
                Map.entry("opsbridge.proxy.read-timeout", "15s"), Map.entry("opsbridge.operations.cache-ttl", "200ms"),
                Map.entry("opsbridge.store.progress-persist-interval", "200ms"),
                Map.entry("opsbridge.data.sample-at-startup", "false"),
                Map.entry("opsbridge.training.checkpoint-every", "1"));
        backend = BackendProcess.start(work, "backend", config, Map.of());
    }

    /** The cluster of this JVM, started at the first call, stopped when the JVM exits. */
    static synchronized KubernetesCluster get() throws Exception {
        if (shared == null) {
            shared = new KubernetesCluster();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.backend.close();
                shared.api.close();
            }));
        }
        return shared;
    }

    BackendProcess backend() {
        return backend;
    }

    /** kill -9 of the backend, then a new one on the same database and directories. */
    void restartBackend() throws Exception {
        backend.killHard();
        backend = BackendProcess.start(work, "backend-restarted", config, Map.of());
    }

    String start(String body) {
        return RestartIT.start(backend, body);
    }

    /** The Job of attempt {@code attempt} of {@code id}, once the backend created it. */
    Job job(String id, int attempt) {
        String name = JobNames.jobName(id, attempt);
        return await().atMost(PATIENCE).until(() -> api.client().batch().v1().jobs().inNamespace(NS).withName(name)
                .get(), j -> j != null);
    }

    /** A pod of {@code job} running its training host. */
    PlayedPod run(Job job, String suffix) {
        return PlayedPod.created(api.client(), job, job.getMetadata().getName() + "-" + suffix)
                .run(job, Map.of("opsbridge-host-token/token", TOKEN), HOST_JAR);
    }

    JsonPath operation(String id) {
        return operation(id, false);
    }

    JsonPath operation(String id, boolean force) {
        return backend.http().get("/api/v1/operations/{id}?force_refresh=" + force, id).then().statusCode(200)
                .extract().jsonPath();
    }

    List<Map<String, Object>> metrics(String id) {
        return RestartIT.metrics(backend, id);
    }

    /** The model a completed training registered, as the registry answers for it. */
    void assertModelRegistered(JsonPath done) {
        assertThat(done.getString("result_summary.registry_version")).matches("v\\d+");
        backend.http().get("/api/v1/models/{strategy}/{version}", done.getString("result_summary.strategy"),
                done.getString("result_summary.registry_version")).then().statusCode(200)
                .body("operation_id", org.hamcrest.Matchers.equalTo(done.getString("operation_id")));
    }

    /** One straight run of {@link #REQUEST}, made once and shared: the reference of resumed runs. */
    synchronized Straight straightRun() throws Exception {
        if (straight == null) {
            long started = System.nanoTime();
            String id = start(REQUEST);
            try (PlayedPod pod = run(job(id, 1), "s")) {
                long ready = (System.nanoTime() - started) / 1_000_000;
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
                    JsonPath op = operation(id);
                    return op.getInt("metrics_count") > 0 || op.getString("progress.current_step") != null;
                });
                long first = (System.nanoTime() - started) / 1_000_000;
                await().atMost(PATIENCE).until(() -> !operation(id).getString("status").equals("running"));
                assertThat(operation(id).getString("status")).isEqualTo("completed");
                assertThat(pod.exited(PATIENCE)).isZero();
                straight = new Straight(id, metrics(id), ready, first);
            }
        }
        return straight;
    }

    /** Every epoch once, in order, with the straight run's loss and accuracy. */
    void assertLikeTheStraightRun(String id) throws Exception {
        List<Map<String, Object>> reference = straightRun().metrics();
        List<Map<String, Object>> resumed = metrics(id);
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

package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One cluster, one truth: two packaged backends on one PostgreSQL schema of this test's own, behind
 * a real nginx doing round-robin (a config the test writes), sharing the market data and models
 * directories, and a real training host. Every scenario leaves both replicas running, so they share
 * one pair, one nginx and one schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasBehindNginxIT {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = System.getenv().getOrDefault("OPSBRIDGE_TEST_PG_USER", "postgres");
    private static final String LONG_TRAINING = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":500,"
            + "\"batch_size\":16,\"seed\":7}";
    private static final int KILLED_EPOCHS = 20;

    private final String schema = "it_" + Long.toHexString(System.nanoTime());
    private final TrainingHostProcess host = new TrainingHostProcess();
    private Path work;
    private Map<String, String> properties;
    private BackendProcess a;
    private BackendProcess b;
    private NginxProcess nginx;

    @BeforeAll
    void startTwoReplicasBehindNginx() throws Exception {
        work = Files.createTempDirectory("replicas-it");
        sql("CREATE SCHEMA " + schema);
        properties = new HashMap<>(host.start());
        properties.putAll(Map.of(
                "opsbridge.training.data-dir", work.resolve("market").toString(),
                "opsbridge.training.models-dir", work.resolve("models").toString(), // shared, as checkpoints need
                "opsbridge.replica.cluster-token", "cluster-token-of-this-test",
                "opsbridge.replica.heartbeat-interval", "1s",
                "opsbridge.stall.training.stall-after", "3s",
                "opsbridge.stall.training.fail-after", "10m"));
        int portA = BackendProcess.freePort();
        int portB = BackendProcess.freePort();
        CompletableFuture<BackendProcess> startingA = CompletableFuture.supplyAsync(() -> replica("replica-a", portA));
        b = replica("replica-b", portB);
        a = startingA.join();
        nginx = NginxProcess.roundRobin(work.resolve("nginx"), List.of(portA, portB));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable process : new AutoCloseable[] {nginx, a, b}) {
            if (process != null) {
                process.close();
            }
        }
        host.stop();
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void aTrainingFollowedThroughNginxNeverGoesBackwardsWithPlainGetsOrLongPoll() throws Exception {
        String id = started(lb(), "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":120,\"batch_size\":16,\"seed\":3}");
        CompletableFuture<List<Double>> longPolled = CompletableFuture.supplyAsync(() -> followByLongPoll(id));
        List<Double> polled = new ArrayList<>();
        List<Integer> logLines = new ArrayList<>();
        int[] logCursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonPath op = lb().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
            polled.add(op.getDouble("progress.percentage"));
            JsonPath log = lb().queryParam("cursor", logCursor[0]).get("/api/v1/operations/{id}/logs", id).then()
                    .statusCode(200).extract().jsonPath();
            logLines.addAll(log.getList("lines.seq", Integer.class));
            logCursor[0] = log.getInt("new_cursor");
            return op.getString("status").equals("completed");
        });

        assertThat(polled).as("percentages seen with plain GETs through nginx").isSorted().hasSizeGreaterThan(5);
        assertThat(logLines).as("log lines followed by cursor through nginx: each once, in order").isNotEmpty()
                .isEqualTo(java.util.stream.IntStream.range(0, logLines.size()).boxed().toList());
        assertThat(longPolled.join()).as("percentages seen with long-poll through nginx").isSorted().isNotEmpty();
        assertThat(nginx.upstreamsOf("/api/v1/operations/" + id)).as("both replicas answered").hasSize(2);
    }

    @Test
    void aCancelThroughNginxStopsTheOwnersWorkerAndRegistersNoModel() throws Exception {
        String id = started(a, LONG_TRAINING);
        awaitProgress(a, id);
        // nginx alternates: after a request that went to A, the cancel goes to B, which forwards it to A. (A replica
        // an earlier scenario stopped stays out of nginx's rotation for its fail_timeout, so first a read that B answers.)
        String onA = "127.0.0.1:" + a.port;
        String onB = "127.0.0.1:" + b.port;
        Runnable read = () -> lb().get("/api/v1/operations/{id}", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> nginx.upstreamOf(read).equals(onB));
        assertThat(nginx.upstreamOf(read)).as("nginx alternates between the replicas").isEqualTo(onA);
        assertThat(nginx.upstreamOf(() -> lb().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200)))
                .as("the cancel reached the replica that does not own it").isEqualTo(onB);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> runningWorkers(a) == 0);
        long version = a.http().get("/api/v1/operations/{id}", id).jsonPath().getLong("version");
        assertThat(RestartIT.status(b, id)).isEqualTo("cancelled");
        Thread.sleep(1000); // nothing may move after a cancel: the version and the registry stay as they are
        assertThat(a.http().get("/api/v1/operations/{id}", id).jsonPath().getLong("version")).isEqualTo(version);
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".model_registry WHERE model_path LIKE '%" + id + "%'"))
                .as("model versions registered by the cancelled training").isZero();
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".audit_log WHERE target LIKE '%" + id + "/cancel'"))
                .as("one audit row for the forwarded cancel").isEqualTo(1);
    }

    @Test
    void aCancelThroughBWhileTheOwnerIsUnreachableIsAppliedAtTheOwnersNextTouch() throws Exception {
        String advertised = a.http().get("/api/v1/replica").jsonPath().getString("advertised_url");
        sql("UPDATE " + schema + ".replicas SET advertised_url = 'http://127.0.0.1:" + BackendProcess.freePort()
                + "' WHERE node_id = 'replica-a'");
        try {
            String id = started(a, LONG_TRAINING);
            awaitProgress(a, id);

            b.http().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".operations WHERE operation_id = '" + id
                    + "' AND status = 'cancelled'")).as("the cancel is recorded").isEqualTo(1);
            assertThat(runningWorkers(a)).as("A has not been touched yet").isEqualTo(1);

            // reads through the owner: the first one after its cached copy expired is its next touch
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> RestartIT.status(a, id).equals("cancelled"));
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> runningWorkers(a) == 0);
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".model_registry WHERE model_path LIKE '%" + id + "%'"))
                    .isZero();
        } finally {
            sql("UPDATE " + schema + ".replicas SET advertised_url = '" + advertised + "' WHERE node_id = 'replica-a'");
        }
    }

    @Test
    void aHostTrainingFollowedThroughBothReplicasStoresEachEpochOnce() throws Exception {
        String id = started(lb(), "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":20,\"batch_size\":32,"
                + "\"seed\":5,\"mode\":\"host\"}");
        List<Object> epochs = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = lb().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().path("status");
            JsonPath page = lb().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            epochs.addAll(page.getList("metrics.epoch"));
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        epochs.addAll(lb().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id).jsonPath()
                .getList("metrics.epoch"));

        assertThat(lb().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count")).isEqualTo(20);
        assertThat(epochs).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".operation_metrics WHERE operation_id = '" + id + "'"))
                .isEqualTo(20);
    }

    @Test
    void anOwnerKilledMidTrainingIsResumedByTheOtherAsAttemptTwoAndCompletesWithEachEpochOnce() throws Exception {
        String id = started(b, "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + KILLED_EPOCHS
                + ",\"batch_size\":16,\"seed\":9}");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() ->
                b.http().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") >= 3);

        b.killHard(); // and not restarted until the training is done: replica-a must take it over
        List<String> statuses = new ArrayList<>();
        List<Object> epochs = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
            statuses.add(lb().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().path("status"));
            JsonPath page = lb().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            epochs.addAll(page.getList("metrics.epoch"));
            cursor[0] = page.getInt("new_cursor");
            return statuses.get(statuses.size() - 1).equals("completed");
        });
        epochs.addAll(lb().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id).jsonPath()
                .getList("metrics.epoch"));

        JsonPath done = lb().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(statuses).as("resumed without passing through failed").doesNotContain("failed");
        assertThat(done.getInt("attempts.count")).as(done.prettify()).isEqualTo(2);
        assertThat(done.getString("attempts.items[1].place")).isEqualTo("replica");
        assertThat(done.getString("attempts.items[1].runs_on")).isEqualTo("replica-a");
        assertThat(done.getString("attempts.items[1].previous_ended")).isEqualTo("replica replica-b lost");
        assertThat(done.getInt("attempts.items[1].from_epoch")).as("from replica-b's checkpoint in the shared models"
                + " directory").isPositive();
        assertThat(epochs).as("each epoch once, followed through nginx")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, KILLED_EPOCHS).boxed().toList());
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".operation_metrics WHERE operation_id = '" + id + "'"))
                .isEqualTo(KILLED_EPOCHS);
        assertThat(count("SELECT COUNT(*) FROM " + schema + ".operations WHERE operation_id = '" + id
                + "' AND owner_node = 'replica-a'")).as("replica-a owns it now").isEqualTo(1);

        b = replica("replica-b", b.port); // right after kill -9, with its node id
        assertThat(a.admin().get("/api/v1/admin/replicas").jsonPath().getList("replicas.liveness"))
                .containsExactly("live", "live");
        assertThat(RestartIT.status(b, id)).as("its restart leaves what replica-a finished alone").isEqualTo("completed");
    }

    @Test
    void anOwnerStoppedBySigtermIsMarkedStoppingAndItsOperationResumedByTheOtherAtOnce() throws Exception {
        String id = started(b, LONG_TRAINING);
        awaitProgress(b, id);

        b.close(); // SIGTERM
        JsonPath view = a.admin().get("/api/v1/admin/replicas").jsonPath();
        assertThat(view.getString("replicas.find { it.node_id == 'replica-b' }.liveness")).isEqualTo("stopping");
        JsonPath op = a.http().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
        if (op.getString("status").equals("running")) { // not waited for: lost at once, so resumed here at once
            assertThat(op.getInt("attempts.count")).as(op.prettify()).isEqualTo(2);
            assertThat(op.getString("attempts.items[1].runs_on")).isEqualTo("replica-a");
            assertThat(op.getString("attempts.items[1].previous_ended")).isEqualTo("replica replica-b lost");
            a.admin().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
        } else { // or its own shutdown ended it
            assertThat(op.getString("status")).isEqualTo("failed");
        }

        b = replica("replica-b", b.port);
    }

    @Test
    void aSecondProcessWithTheNodeIdOfALiveReplicaRefusesToStart() {
        try (BackendProcess twin = replica("replica-a", 0)) {
            throw new AssertionError("a second replica-a started on port " + twin.port);
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).contains("node id 'replica-a' is in use")
                    .contains("opsbridge.store.node-id");
        }
    }

    private BackendProcess replica(String node, int port) {
        Map<String, String> own = new HashMap<>(properties);
        try {
            int listen = port == 0 ? BackendProcess.freePort() : port;
            own.put("opsbridge.replica.advertised-url", "http://127.0.0.1:" + listen);
            return BackendProcess.startOn(listen, work.resolve(node), node, own, Map.of(
                    "OPSBRIDGE_STORE_KIND", "postgresql",
                    "OPSBRIDGE_STORE_NODE_ID", node,
                    "QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL", PG + "?currentSchema=" + schema,
                    "QUARKUS_DATASOURCE_POSTGRESQL_USERNAME", USER));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RequestSpecification lb() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(nginx.port);
    }

    private static String started(BackendProcess backend, String body) {
        return started(backend.http(), body);
    }

    private static String started(RequestSpecification through, String body) {
        return through.contentType("application/json").body(body).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
    }

    private static void awaitProgress(BackendProcess owner, String id) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                owner.http().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") > 0);
    }

    /** Long-polls through nginx until the operation ends; the percentages it was answered with. */
    private List<Double> followByLongPoll(String id) {
        List<Double> seen = new ArrayList<>();
        long version = 0;
        for (int i = 0; i < 2000; i++) {
            JsonPath op = lb().queryParam("wait", "5s").queryParam("since_version", version)
                    .get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
            seen.add(op.getDouble("progress.percentage"));
            version = op.getLong("version");
            if (!op.getString("status").equals("running") && !op.getString("status").equals("pending")) {
                return seen;
            }
        }
        throw new AssertionError("the long-poll never saw the end");
    }

    /** The owner's busy workers, from its readiness ("worker capacity"). */
    private static int runningWorkers(BackendProcess owner) {
        return owner.http().get("/q/health/ready").jsonPath()
                .getInt("checks.find { it.name == 'worker capacity' }.data.running");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, USER, ""); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

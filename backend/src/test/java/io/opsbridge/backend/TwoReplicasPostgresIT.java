package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar as {@link RestartIT}, switched to PostgreSQL by environment variables only (no
 * rebuild): two replicas on one database; a training started on A is followed on B to completion,
 * and so is one that A started on a real training host (B attaches to the host on the first query;
 * both replicas pull it, each host metric is stored once). A start retried on B with the
 * Idempotency-Key it was sent to A with answers A's operation. Uses a fresh schema in database {@code test} on 127.0.0.1:5432, dropped afterwards.
 */
class TwoReplicasPostgresIT {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = System.getenv().getOrDefault("OPSBRIDGE_TEST_PG_USER", "postgres");

    @TempDir
    Path work;
    private final String schema = "it_" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void createSchema() throws Exception {
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void trainingStartedOnOneReplicaIsFollowedOnTheOtherToCompletion() throws Exception {
        TrainingHostProcess host = new TrainingHostProcess();
        try {
            followOnTheOtherReplica(host.start());
        } finally {
            host.stop();
        }
    }

    private void followOnTheOtherReplica(Map<String, String> hostConfig) throws Exception {
        try (BackendProcess a = BackendProcess.start(work.resolve("a"), "a", hostConfig, env("replica-a"));
                BackendProcess b = BackendProcess.start(work.resolve("b"), "b", hostConfig, env("replica-b"))) {
            String local = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":3,\"batch_size\":64,\"seed\":3}";
            String id = RestartIT.startWithKey(a, local).then().statusCode(202).extract().path("operation_id");
            assertThat(RestartIT.startWithKey(b, local).then().statusCode(202).extract().<String>path("operation_id"))
                    .as("the retry sent to the other replica answers the first one's operation").isEqualTo(id);
            String onHost = RestartIT.start(a,
                    "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":60,\"batch_size\":16,\"seed\":5,\"mode\":\"host\"}");

            List<Map<String, Object>> epochs = new ArrayList<>();
            int[] cursor = {0};
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonPath op = b.http().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
                JsonPath page = b.http().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                        .then().statusCode(200).extract().jsonPath();
                epochs.addAll(page.getList("metrics"));
                cursor[0] = page.getInt("new_cursor");
                return op.getString("status").equals("completed");
            });
            epochs.addAll(b.http().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .jsonPath().getList("metrics"));

            JsonPath done = b.http().get("/api/v1/operations/{id}", id).jsonPath();
            assertThat(epochs).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
            assertThat(done.getString("completed_at")).isNotNull();
            assertThat(done.getMap("result_summary")).containsKey("model_path");
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".operations WHERE owner_node = 'replica-a'"))
                    .as("both created on A").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".operations")).as("no second job for the retry")
                    .isEqualTo(2);

            // both replicas pull the host training while it runs; B finds it completed
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                a.http().queryParam("force_refresh", true).get("/api/v1/operations/{id}", onHost).then().statusCode(200);
                return RestartIT.status(b, onHost).equals("completed");
            });
            JsonPath hostDone = b.http().get("/api/v1/operations/{id}", onHost).jsonPath();
            assertThat(hostDone.getString("completed_at")).isNotNull();
            assertThat(hostDone.getMap("result_summary")).containsKey("model_path");
            assertThat(hostDone.getInt("metrics_count")).isEqualTo(60);
            assertThat(RestartIT.metrics(a, onHost)).extracting(m -> m.get("epoch"))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".operation_metrics WHERE operation_id = '" + id + "'"))
                    .isEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM " + schema + ".operation_metrics WHERE operation_id = '" + onHost
                    + "'")).isEqualTo(60);
            assertThat(count("SELECT host_metrics_cursor FROM " + schema + ".remote_mappings WHERE operation_id = '"
                    + onHost + "'")).isEqualTo(60);
        }
    }

    private Map<String, String> env(String node) {
        return Map.of(
                "OPSBRIDGE_STORE_KIND", "postgresql",
                "OPSBRIDGE_STORE_NODE_ID", node,
                "QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL", PG + "?currentSchema=" + schema,
                "QUARKUS_DATASOURCE_POSTGRESQL_USERNAME", USER);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, USER, ""); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package io.opsbridge.host.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training host: /training/start, the shared /api/v1/operations and the deprecated status call. */
@QuarkusTest
class HostTrainingResourceTest {

    private static final String SHORT_TRAINING =
            "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":2,\"batch_size\":64,\"seed\":1}";

    @Test
    void startAnswersAtOnceWithTheSessionAndItsOperationId() {
        JsonPath started = given().contentType("application/json").body(SHORT_TRAINING).post("/training/start")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/operations/host_training_[0-9a-f]{32}"))
                .body("status", matchesPattern("pending|running"))
                .extract().jsonPath();
        String session = started.getString("session_id");
        assertThat(started.getString("operation_id")).isEqualTo("host_training_" + session);

        given().get("/api/v1/operations/{id}", "host_training_" + session).then().statusCode(200)
                .body("metadata.session_id", equalTo(session))
                .body("metadata.symbols", equalTo(List.of("AAPL")));
        awaitStatus("host_training_" + session, "completed");
    }

    @Test
    void trainingIsFollowedThroughTheSharedOperationsApiWithEveryEpochOnce() {
        String id = start(SHORT_TRAINING);
        List<Map<String, Object>> epochs = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                    .then().statusCode(200).extract().path("status");
            JsonPath page = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            epochs.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        epochs.addAll(given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                .jsonPath().getList("metrics"));

        assertThat(epochs).extracting(m -> m.get("epoch")).containsExactly(1, 2);
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(200)
                .body("result_summary.epochs_completed", equalTo(2))
                .body("result_summary.model_version", equalTo(id));
        given().queryParam("operation_type", "training").get("/api/v1/operations").then().statusCode(200)
                .body("operations.operation_id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void deprecatedStatusReadsTheOperationAndPointsToItsSuccessor() {
        String id = start(SHORT_TRAINING);
        String session = id.substring("host_training_".length());
        awaitStatus(id, "completed");

        given().get("/training/status/{session}", session).then().statusCode(200)
                .header("Deprecation", notNullValue())
                .header("Link", matchesPattern("</api/v1/operations/" + id + ">; rel=\"successor-version\""))
                .body("deprecated", equalTo(true))
                .body("use_instead", equalTo("/api/v1/operations/" + id))
                .body("session_id", equalTo(session))
                .body("status", equalTo("completed"))
                .body("progress", equalTo(100.0f))
                .body("total_epochs", equalTo(2))
                .body("result_summary.epochs_completed", equalTo(2));
    }

    @Test
    void cancelStopsTheWorkerAndStaysCancelled() {
        String id = start("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16}");
        await().atMost(Duration.ofMinutes(1)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                        .jsonPath().getInt("metrics_count") >= 1);

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                        .jsonPath().getString("status").equals("cancelled"));
    }

    @Test
    void aTrainingStartedWithACheckpointKeyWritesItsCheckpointsThereAndACancelRemovesThem() {
        String key = "op_training_backend_" + System.nanoTime();
        Path checkpoints = Path.of("target/test-data/models/checkpoints", key);
        String id = start("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"seed\":3,"
                + "\"checkpoint_key\":\"" + key + "\",\"checkpoint_every\":1,\"checkpoint_keep\":1}");

        // any epoch from 3 on (with keep 1 each is replaced by the next): epoch 1's went when epoch 2's came
        await().atMost(Duration.ofMinutes(1)).until(() -> newestEpoch(checkpoints) >= 3);
        assertThat(checkpoints.resolve("epoch-000001")).doesNotExist();

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(checkpoints));
    }

    @Test
    void checkpointFieldsAreDeclaredAndCheckedAndOtherUnknownFieldsStillRefused() {
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"checkpoint_key\":\"../etc\"}")
                .post("/training/start").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("checkpoint_key"));
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"checkpoint_every\":0}")
                .post("/training/start").then().statusCode(400).body("field", equalTo("checkpoint_every"));
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"epoch\":5}")
                .post("/training/start").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("\"checkpoint_key\""))
                .body(org.hamcrest.Matchers.containsString("\"checkpoint_every\""))
                .body(org.hamcrest.Matchers.containsString("\"checkpoint_keep\""));
    }

    @Test
    void badRequestsAndUnknownSessionsAreProblems() {
        given().contentType("application/json").body("{\"symbols\":[\"ZZZZ\"],\"epochs\":1}").post("/training/start")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("symbols"));
        given().contentType("application/json").body("{\"symbols\":").post("/training/start")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/training/status/nope").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/operations/host_training_nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static int newestEpoch(Path checkpoints) throws java.io.IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (var entries = Files.list(checkpoints)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("epoch-\\d{6}"))
                    .filter(n -> Files.isRegularFile(checkpoints.resolve(n).resolve("checkpoint.json")))
                    .mapToInt(n -> Integer.parseInt(n.substring(6))).max().orElse(0);
        }
    }

    private static String start(String body) {
        return given().contentType("application/json").body(body).post("/training/start")
                .then().statusCode(202).extract().path("operation_id");
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));
    }
}

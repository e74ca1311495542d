package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real training on the sample data, started over HTTP and followed only by pulling. */
@QuarkusTest
class LocalTrainingFlowTest {

    private static final String SHORT_TRAINING =
            "{\"symbols\":[\"AAPL\",\"MSFT\"],\"timeframe\":\"1h\",\"epochs\":3,\"batch_size\":64,\"seed\":1}";

    @Test
    void trainingIsFollowedByPullingUntilCompletedWithEveryEpochOnce() {
        String id = startTraining(SHORT_TRAINING);

        List<Double> percentages = new ArrayList<>();
        List<Map<String, Object>> epochs = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath op = given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
            percentages.add(op.getDouble("progress.percentage"));
            JsonPath page = given().queryParam("cursor", cursor[0])
                    .get("/api/v1/operations/{id}/metrics", id).then().statusCode(200).extract().jsonPath();
            epochs.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return op.getString("status").equals("completed");
        });
        // metrics written between the last two polls arrive on one more pull
        JsonPath last = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id).jsonPath();
        epochs.addAll(last.getList("metrics"));

        assertThat(percentages).isSortedAccordingTo(Double::compare);
        assertThat(percentages.get(percentages.size() - 1)).isEqualTo(100.0);
        assertThat(epochs).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        assertThat(epochs.get(0)).containsKeys("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy",
                "learning_rate", "duration_ms", "timestamp");

        JsonPath done = given().get("/api/v1/operations/{id}", id).then()
                .statusCode(200)
                .header("Retry-After", (String) null)
                .body("operation_type", equalTo("training"))
                .body("completed_at", notNullValue())
                .body("metrics_count", equalTo(3))
                .body("progress.current_step", equalTo("Epoch 3/3"))
                .extract().jsonPath();
        assertThat(done.getMap("result_summary")).containsKeys("model_path", "final_val_accuracy");
        given().get("/api/v1/operations/{id}/results", id).then()
                .statusCode(200)
                .body("result_summary.epochs_completed", equalTo(3));

        JsonPath log = given().queryParam("cursor", 0).get("/api/v1/operations/{id}/logs", id).then()
                .statusCode(200).extract().jsonPath();
        List<String> lines = log.getList("lines.message", String.class);
        assertThat(lines.get(0)).startsWith("started on");
        assertThat(lines).filteredOn(line -> line.startsWith("Epoch ")).as("a line per epoch")
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("Epoch 1/3", "Epoch 2/3", "Epoch 3/3");
        assertThat(lines).last().isEqualTo("completed");
        assertThat(log.getInt("dropped")).isZero();
        given().queryParam("cursor", log.getInt("new_cursor")).get("/api/v1/operations/{id}/logs", id).then()
                .statusCode(200).body("lines", org.hamcrest.Matchers.empty())
                .body("new_cursor", equalTo(log.getInt("new_cursor")));
        given().queryParam("cursor", -1).get("/api/v1/operations/{id}/logs", id).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void startAnswers202AtOnceWithLocationAndOperation() {
        Response response = given().contentType("application/json").body(SHORT_TRAINING).post("/api/v1/trainings");
        response.then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/operations/op_training_\\d{8}_\\d{6}_[0-9a-f]{8}"))
                .header("Retry-After", notNullValue())
                .body("status", matchesPattern("pending|running"))
                .body("metadata.mode", equalTo("local"))
                .body("metadata.symbols", equalTo(List.of("AAPL", "MSFT")));
        String id = response.jsonPath().getString("operation_id");
        // a warm 3-epoch training may already be done: Retry-After exactly while it is not
        Response again = given().get("/api/v1/operations/{id}", id);
        again.then().statusCode(200);
        boolean finished = List.of("completed", "failed", "cancelled").contains(again.jsonPath().getString("status"));
        assertThat(again.getHeader("Retry-After") != null).isEqualTo(!finished);
        awaitTerminal(id);
    }

    @Test
    void cancelMidRunEndsCancelledAndStaysCancelled() {
        String id = startTraining("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16}");
        await().atMost(Duration.ofMinutes(1)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") >= 1);

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));
        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));

        // the worker stops at its next batch; whatever it reports afterwards, cancelled is final
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                        .jsonPath().getString("status").equals("cancelled"));
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void retryWithSameIdempotencyKeyReturnsTheSameOperation() {
        String key = "demo-" + System.nanoTime();
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(SHORT_TRAINING)
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        String second = given().contentType("application/json").header("Idempotency-Key", key).body(SHORT_TRAINING)
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        assertThat(second).isEqualTo(first);

        given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"symbols\":[\"GOOG\"],\"epochs\":1}")
                .post("/api/v1/trainings").then().statusCode(409).contentType("application/problem+json");
        awaitTerminal(first);
    }

    @Test
    void anIdempotencyKeyLongerThanTheColumnIsABadRequestNamingTheHeader() {
        given().contentType("application/json").header("Idempotency-Key", "k".repeat(256)).body(SHORT_TRAINING)
                .post("/api/v1/trainings").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
    }

    @Test
    void listShowsTheTrainingWithCountsAndFilters() {
        String id = startTraining(SHORT_TRAINING);
        given().queryParam("operation_type", "training").queryParam("limit", 500).get("/api/v1/operations").then()
                .statusCode(200)
                .body("operations.operation_id", org.hamcrest.Matchers.hasItem(id))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("active_count", notNullValue());
        awaitTerminal(id);
        given().queryParam("status", "completed").queryParam("limit", 500).get("/api/v1/operations").then()
                .statusCode(200)
                .body("operations.operation_id", org.hamcrest.Matchers.hasItem(id))
                .body("operations.status", org.hamcrest.Matchers.everyItem(equalTo("completed")));
    }

    static String startTraining(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
    }

    static void awaitTerminal(String id) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("completed", "failed", "cancelled")
                        .contains(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));
    }
}

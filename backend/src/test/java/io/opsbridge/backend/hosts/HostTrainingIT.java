package io.opsbridge.backend.hosts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backend -> real training-host process -> completion, followed only by pulling the backend.
 * The client sees only the backend id; the backend learns of the host's progress and completion
 * only when a client asks.
 */
@QuarkusTest
@TestProfile(WithTrainingHost.class)
class HostTrainingIT {

    private static final String SHORT_HOST_TRAINING =
            "{\"symbols\":[\"AAPL\",\"MSFT\"],\"timeframe\":\"1h\",\"epochs\":3,\"batch_size\":64,\"seed\":1,\"mode\":\"host\"}";

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @Inject
    OperationStore store;

    @Test
    void hostTrainingIsFollowedThroughTheBackendUntilCompletedWithEveryEpochOnce() {
        long begin = System.nanoTime();
        JsonPath started = given().contentType("application/json").body(SHORT_HOST_TRAINING).post("/api/v1/trainings")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .body("status", equalTo("running"))
                .body("metadata.mode", equalTo("host"))
                .body("metadata.host_service_url", equalTo(host.url()))
                .body("metadata.host_operation_id", startsWith("host_training_"))
                .extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("202 at once").isLessThan(Duration.ofSeconds(5));
        String id = started.getString("operation_id");
        String hostId = started.getString("metadata.host_operation_id");
        assertThat(id).startsWith("op_training_").isNotEqualTo(hostId);
        assertThat(hostId).isEqualTo("host_training_" + started.getString("metadata.session_id"));

        List<Double> percentages = new ArrayList<>();
        List<Map<String, Object>> epochs = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(150)).until(() -> {
            JsonPath op = given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
            percentages.add(op.getDouble("progress.percentage"));
            JsonPath page = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            epochs.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return op.getString("status").equals("completed");
        });
        epochs.addAll(given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                .jsonPath().getList("metrics"));

        assertThat(percentages).isSortedAccordingTo(Double::compare);
        assertThat(epochs).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        List<Map<String, Object>> hostEpochs = given().queryParam("cursor", 0)
                .get(host.url() + "/api/v1/operations/{id}/metrics", hostId).jsonPath().getList("metrics");
        assertThat(epochs).as("the backend's metrics are the host's").isEqualTo(hostEpochs);

        JsonPath done = given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("operation_id", equalTo(id))
                .body("completed_at", notNullValue())
                .body("metrics_count", equalTo(3))
                .body("progress.percentage", equalTo(100.0f))
                .body("progress.current_step", equalTo("Epoch 3/3"))
                .extract().jsonPath();
        assertThat(done.getMap("result_summary")).containsEntry("epochs_completed", 3).containsKey("model_path");
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(200)
                .body("operation_id", equalTo(id))
                .body("result_summary.model_version", equalTo(hostId));

        // the host's model is registered like a local one (the host writes where this backend can read)
        String version = done.getString("result_summary.registry_version");
        assertThat(version).matches("v\\d+");
        given().get("/api/v1/models/{strategy}/{version}", "mlp_direction", version).then().statusCode(200)
                .body("operation_id", equalTo(id))
                .body("status", equalTo("inactive"));
    }

    @Test
    void hostCompletionReachesTheBackendRecordOnlyWhenAClientAsks() throws Exception {
        JsonPath started = given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":1,\"mode\":\"host\"}").post("/api/v1/trainings")
                .then().statusCode(202).extract().jsonPath();
        String id = started.getString("operation_id");
        String session = started.getString("metadata.session_id");
        long backendCallsBefore = host.requestsTo("/api/v1/operations");

        // watch the host through its old status call, which the backend never uses
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                "completed".equals(given().get(host.url() + "/training/status/{s}", session).path("status")));

        assertThat(host.requestsTo("/api/v1/operations")).as("no request reaches the host while nobody asks")
                .isEqualTo(backendCallsBefore);
        OperationInfo stored = store.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(stored.completedAt()).isNull();
        assertThat(stored.resultSummary()).isNull();
        NoBackgroundWork.assertNoOperationsTimersOrPollers();

        given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("completed_at", notNullValue())
                .body("result_summary.epochs_completed", equalTo(1));
        OperationInfo after = store.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(after.resultSummary()).containsEntry("epochs_completed", 1);
        assertThat(host.requestsTo("/api/v1/operations")).isGreaterThan(backendCallsBefore);
    }

    @Test
    void requestTheHostRefusesIs400NamingTheFieldAndRecordsNothing() {
        long recorded = given().get("/api/v1/operations").jsonPath().getLong("total");

        given().contentType("application/json").body("{\"symbols\":[\"ZZZZ\"],\"epochs\":1,\"mode\":\"host\"}")
                .post("/api/v1/trainings").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("symbols"))
                .body("detail", org.hamcrest.Matchers.containsString("dataset ZZZZ 1h was never loaded"))
                .body("detail", org.hamcrest.Matchers.containsString("this training host reads datasets from "
                        + TrainingHostProcess.SHARED_DATASETS.toAbsolutePath().normalize()));
        assertThat(given().get("/api/v1/operations").jsonPath().getLong("total")).isEqualTo(recorded);
    }

    @Test
    void aSymbolLoadedThroughTheBackendTrainsOnTheHostThatSharesItsDatasetDirectory() {
        String symbol = "HD" + String.format(java.util.Locale.ROOT, "%05X",
                java.util.concurrent.ThreadLocalRandom.current().nextInt(0xFFFFF));
        String training = "{\"symbols\":[\"" + symbol + "\"],\"epochs\":1,\"mode\":\"host\"}";
        given().contentType("application/json").body(training).post("/api/v1/trainings").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("load it first: POST /api/v1/data/loads"));

        // following the advice: a data load through the backend (local, sample source)
        String load = given().contentType("application/json")
                .body("{\"symbols\":[\"" + symbol + "\"],\"timeframe\":\"1h\"}").post("/api/v1/data/loads")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "completed".equals(given().get("/api/v1/operations/{id}", load).path("status")));

        String id = given().contentType("application/json").body(training).post("/api/v1/trainings")
                .then().statusCode(202).body("metadata.host_service_url", equalTo(host.url()))
                .extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() ->
                "completed".equals(given().get("/api/v1/operations/{id}", id).path("status")));
        given().get("/api/v1/operations/{id}", id).then()
                .body("result_summary.epochs_completed", equalTo(1))
                .body("metadata.symbols", org.hamcrest.Matchers.contains(symbol));
    }

    @Test
    void longPollIsAnsweredByTheHostsProgressThenCancelStopsTheTrainingOnTheHost() {
        JsonPath started = given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"mode\":\"host\"}")
                .post("/api/v1/trainings").then().statusCode(202).extract().jsonPath();
        String id = started.getString("operation_id");
        String hostId = started.getString("metadata.host_operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") >= 1);

        long seen = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                .getLong("version");
        long begin = System.nanoTime();
        long answered = given().queryParam("wait", "20s").queryParam("since_version", seen)
                .get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath().getLong("version");
        assertThat(answered).isGreaterThan(seen);
        assertThat(Duration.ofNanos(System.nanoTime() - begin))
                .as("woken by the host's own long-poll, not by the end of the wait").isLessThan(Duration.ofSeconds(5));

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));

        given().get(host.url() + "/api/v1/operations/{id}", hostId).then().statusCode(200)
                .body("status", equalTo("cancelled"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                "cancelled".equals(given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                        .path("status"))
                && "cancelled".equals(given().queryParam("force_refresh", true)
                        .get(host.url() + "/api/v1/operations/{id}", hostId).path("status")));
    }
}

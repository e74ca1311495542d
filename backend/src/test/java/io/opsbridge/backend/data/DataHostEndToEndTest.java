package io.opsbridge.backend.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * End to end with a real data-host process: the backend starts loads there ({@code mode=host}),
 * clients follow the backend's own id, and training reads what the host wrote to the shared store.
 */
@QuarkusTest
@QuarkusTestResource(value = DataHostProcess.class, restrictToAnnotatedClass = true)
class DataHostEndToEndTest {

    private static final String RUN = String.format(Locale.ROOT, "%05X", ThreadLocalRandom.current().nextInt(0xFFFFF));

    @Test
    void aHostLoadIsFollowedThroughTheBackendAndThenTrainedOn() {
        List<String> symbols = List.of("EA" + RUN, "EB" + RUN);
        String body = "{\"symbols\":[\"" + String.join("\",\"", symbols) + "\"],\"timeframe\":\"1h\","
                + "\"source\":\"sample\",\"mode\":\"host\"}";
        given().contentType("application/json").body(training(symbols)).post("/api/v1/trainings").then()
                .statusCode(400).body("detail", containsString("was never loaded"));

        JsonPath started = given().contentType("application/json").body(body).post("/api/v1/data/loads").then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/operations/op_data_loading_.*"))
                .body("status", equalTo("running"))
                .body("metadata.mode", equalTo("host"))
                .body("metadata.host_operation_id", matchesPattern("host_data_[0-9a-f]{32}"))
                .body("metadata.host_service_url", matchesPattern("http://127\\.0\\.0\\.1:\\d+"))
                .body("metadata.session_id", notNullValue())
                .extract().jsonPath();
        String id = started.getString("operation_id");
        assertThat(started.getString("metadata.host_operation_id"))
                .isEqualTo("host_data_" + started.getString("metadata.session_id"));

        List<Map<String, Object>> metrics = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().path("status");
            JsonPath page = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            metrics.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        metrics.addAll(given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                .jsonPath().getList("metrics"));

        assertThat(metrics).extracting(m -> m.get("symbol")).containsExactlyElementsOf(symbols);
        given().get("/api/v1/operations/{id}", id).then()
                .body("completed_at", notNullValue())
                .body("progress.percentage", equalTo(100.0f))
                .body("result_summary.rows_loaded", equalTo(2 * SampleDataGenerator.DEFAULT_BARS))
                .body("result_summary.symbols_loaded", equalTo(2));

        String training = given().contentType("application/json").body(training(symbols)).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                !List.of("pending", "running").contains(
                        given().get("/api/v1/operations/{id}", training).jsonPath().getString("status")));
        given().get("/api/v1/operations/{id}", training).then().body("status", equalTo("completed"));
    }

    @Test
    void roundRobinSkipsTheDeadHostSoEveryStartLands() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json")
                    .body("{\"symbols\":[\"RR" + RUN + i + "\"],\"timeframe\":\"1d\",\"source\":\"sample\",\"mode\":\"host\"}")
                    .post("/api/v1/data/loads").then().statusCode(202).body("metadata.mode", equalTo("host"));
        }
    }

    @Test
    void whatTheHostRefusesIsA400NamingTheField() {
        given().contentType("application/json")
                .body("{\"symbols\":[\"NOFILE\"],\"timeframe\":\"1h\",\"source\":\"csv\",\"mode\":\"host\"}")
                .post("/api/v1/data/loads").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("symbols"))
                .body("detail", containsString("source 'csv' has no data for NOFILE"));
    }

    private static String training(List<String> symbols) {
        return "{\"symbols\":[\"" + String.join("\",\"", symbols) + "\"],\"timeframe\":\"1h\",\"epochs\":1,\"seed\":1}";
    }
}

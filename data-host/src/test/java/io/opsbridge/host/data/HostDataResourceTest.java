package io.opsbridge.host.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data host: /data/load, the shared /api/v1/operations and the deprecated status call. */
@QuarkusTest
class HostDataResourceTest {

    @BeforeAll
    static void writeBrokerFiles() throws IOException {
        Path sources = Path.of("target/test-data/sources");
        new SampleDataGenerator(5).generate(sources, List.of("HA", "HB"), "1d", 200);
        Files.writeString(sources.resolve("BAD_1d.csv"), "timestamp,open,high,low,close,volume\n2024-01-01,1,2,x,1,1\n");
    }

    @Test
    void loadAnswersAtOnceAndIsFollowedThroughTheSharedOperationsApi() {
        JsonPath started = given().contentType("application/json")
                .body("{\"symbols\":[\"HA\",\"HB\"],\"timeframe\":\"1d\",\"source\":\"csv\"}").post("/data/load")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/operations/host_data_[0-9a-f]{32}"))
                .body("status", matchesPattern("pending|running|completed"))
                .extract().jsonPath();
        String session = started.getString("session_id");
        String id = started.getString("operation_id");
        assertThat(id).isEqualTo("host_data_" + session);

        List<Map<String, Object>> metrics = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String status = given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                    .body("operation_type", equalTo("data_loading"))
                    .body("metadata.session_id", equalTo(session)).extract().path("status");
            JsonPath page = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            metrics.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        metrics.addAll(given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                .jsonPath().getList("metrics"));

        assertThat(metrics).extracting(m -> m.get("symbol")).containsExactly("HA", "HB");
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(200)
                .body("result_summary.rows_loaded", equalTo(400))
                .body("result_summary.symbols_loaded", equalTo(2));
        assertThat(Path.of("target/test-data/market/HA_1d.csv")).exists();

        given().get("/data/status/{session}", session).then().statusCode(200)
                .header("Deprecation", notNullValue())
                .header("Link", matchesPattern("</api/v1/operations/" + id + ">; rel=\"successor-version\""))
                .body("deprecated", equalTo(true))
                .body("use_instead", equalTo("/api/v1/operations/" + id))
                .body("status", equalTo("completed"))
                .body("progress", equalTo(100.0f))
                .body("symbols_total", equalTo(2))
                .body("rows_loaded", equalTo(400))
                .body("result_summary.rows_loaded", equalTo(400));
    }

    @Test
    void aFileThatCannotBeParsedFailsTheLoadNamingFileAndLine() {
        String id = given().contentType("application/json").body("{\"symbols\":[\"BAD\"],\"timeframe\":\"1d\",\"source\":\"csv\"}")
                .post("/data/load").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "failed".equals(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));
        given().get("/api/v1/operations/{id}", id).then()
                .body("error_message", equalTo("no symbol could be loaded: BAD_1d.csv line 2: not a number in column 'low': 'x'"));
    }

    @Test
    void badRequestsAndUnknownSessionsAreProblems() {
        given().contentType("application/json").body("{\"symbols\":[\"ZZZZ\"],\"timeframe\":\"1d\",\"source\":\"csv\"}").post("/data/load")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("symbols"));
        given().contentType("application/json").body("{\"symbols\":").post("/data/load")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/data/status/nope").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/operations/host_data_nope").then().statusCode(404).contentType("application/problem+json");
    }
}

package io.opsbridge.backend.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broker files loaded locally over HTTP, followed symbol by symbol, then trained on. */
@QuarkusTest
class LocalDataLoadFlowTest {

    private static final Path SOURCES = Path.of("target/test-data/sources");
    private static final int BARS = 300;
    // fresh symbols each run, so "never loaded" is true whatever earlier runs left in target/
    private static final String RUN = String.format(Locale.ROOT, "%05X", ThreadLocalRandom.current().nextInt(0xFFFFF));
    private static final List<String> SYMBOLS = List.of("LA" + RUN, "LB" + RUN, "LC" + RUN);

    @BeforeAll
    static void writeBrokerFiles() throws IOException {
        new SampleDataGenerator(3).generate(SOURCES, SYMBOLS, "1h", BARS);
        // two bad rows in the first file: a repeated timestamp and a bar whose high is below its low
        Path first = SOURCES.resolve(SYMBOLS.get(0) + "_1h.csv");
        List<String> lines = Files.readAllLines(first);
        String last = lines.get(lines.size() - 1);
        Files.writeString(first, last + "\n2030-01-01T00:00:00Z,10,9,11,10,5\n", StandardOpenOption.APPEND);
    }

    @Test
    void threeSymbolsAreFollowedToCompletionThenTrainedOn() {
        given().contentType("application/json").body(training()).post("/api/v1/trainings").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("symbols"))
                .body("detail", containsString("dataset " + SYMBOLS.get(0) + " 1h was never loaded"));

        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"" + String.join("\",\"", SYMBOLS) + "\"],\"timeframe\":\"1h\","
                        + "\"start_date\":\"2024-01-01\",\"end_date\":\"2031-01-01\",\"source\":\"csv\"}")
                .post("/api/v1/data/loads").then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/operations/op_data_loading_\\d{8}_\\d{6}_[0-9a-f]{8}"))
                .body("operation_type", equalTo("data_loading"))
                .body("metadata.mode", equalTo("local"))
                .body("metadata.symbols", equalTo(SYMBOLS))
                .body("metadata.parameters.source", equalTo("csv"))
                .extract().path("operation_id");

        List<Double> percentages = new ArrayList<>();
        List<Map<String, Object>> metrics = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonPath op = given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
            percentages.add(op.getDouble("progress.percentage"));
            JsonPath page = given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                    .then().statusCode(200).extract().jsonPath();
            metrics.addAll(page.getList("metrics"));
            cursor[0] = page.getInt("new_cursor");
            return op.getString("status").equals("completed");
        });
        metrics.addAll(given().queryParam("cursor", cursor[0]).get("/api/v1/operations/{id}/metrics", id)
                .jsonPath().getList("metrics"));

        assertThat(percentages).isSortedAccordingTo(Double::compare).last().isEqualTo(100.0);
        assertThat(metrics).extracting(m -> m.get("symbol")).containsExactlyElementsOf(SYMBOLS);
        assertThat(metrics).extracting(m -> m.get("rows_loaded")).containsExactly(BARS, BARS, BARS);
        assertThat(metrics.get(0)).containsKeys("duration_ms", "validation_ms", "issues_found")
                .containsEntry("rows_rejected", 2);

        JsonPath done = given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("completed_at", notNullValue())
                .body("metrics_count", equalTo(3))
                .body("progress.current_step", equalTo("Loading " + SYMBOLS.get(2) + " (3/3)"))
                .body("progress.items_processed", equalTo(3 * BARS))
                .extract().jsonPath();
        Map<String, Object> summary = done.getMap("result_summary");
        assertThat(summary).containsEntry("symbols_loaded", 3).containsEntry("rows_loaded", 3 * BARS)
                .containsEntry("rows_rejected", 2).containsEntry("source", "csv").containsKey("duration_ms");
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(200)
                .body("result_summary.symbols[0].rejected_by_reason.duplicate_timestamp", equalTo(1))
                .body("result_summary.symbols[0].rejected_by_reason.high_low_inconsistent", equalTo(1))
                .body("result_summary.symbols[0].rejected_examples[0].line", equalTo(BARS + 3));

        String training = given().contentType("application/json").body(training()).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                !List.of("pending", "running").contains(
                        given().get("/api/v1/operations/{id}", training).jsonPath().getString("status")));
        given().get("/api/v1/operations/{id}", training).then()
                .body("status", equalTo("completed"))
                .body("result_summary.symbols", equalTo(SYMBOLS));
    }

    @Test
    void theSampleSourceLoadsOfflineAndTheStartupLoadedTheSampleSet() {
        assertThat(Path.of("target/test-data/market/AAPL_1h.csv")).exists();
        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"SMPL" + RUN + "\"],\"timeframe\":\"4h\",\"source\":\"sample\"}")
                .post("/api/v1/data/loads").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "completed".equals(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));
        given().get("/api/v1/operations/{id}/results", id).then()
                .body("result_summary.rows_loaded", equalTo(SampleDataGenerator.DEFAULT_BARS));
        assertThat(Path.of("target/test-data/market/SMPL" + RUN + "_4h.csv")).content().startsWith("# opsbridge dataset");
    }

    @Test
    void badLoadRequestsAre400NamingTheField() {
        invalid("{\"symbols\":[],\"timeframe\":\"1h\"}", "symbols");
        invalid("{\"symbols\":[\"NOFILE" + RUN + "\"],\"timeframe\":\"1h\",\"source\":\"csv\"}", "symbols");
        invalid("{\"symbols\":[\"AAPL\"],\"timeframe\":\"7x\",\"source\":\"sample\"}", "timeframe");
        invalid("{\"symbols\":[\"AAPL\"],\"source\":\"ftp\"}", "source");
        invalid("{\"symbols\":[\"AAPL\"],\"source\":\"sample\",\"start_date\":\"soon\"}", "start_date");
        invalid("{\"symbols\":[\"AAPL\"],\"source\":\"sample\",\"mode\":\"host\"}", "mode")
                .body("detail", containsString("no data hosts are configured"));
        given().contentType("application/json").body("{\"symbols\":").post("/api/v1/data/loads").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse invalid(String body, String field) {
        return given().contentType("application/json").body(body).post("/api/v1/data/loads").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static String training() {
        return "{\"symbols\":[\"" + String.join("\",\"", SYMBOLS) + "\"],\"timeframe\":\"1h\",\"epochs\":1,"
                + "\"batch_size\":64,\"seed\":1}";
    }
}

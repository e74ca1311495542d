package io.opsbridge.backend.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example's type used as a client would: start, follow, list, refuse, cancel. */
@QuarkusTest
class BacktestFlowTest {

    private static final List<String> SAMPLE = List.of("AAPL", "MSFT", "GOOG"); // loaded at startup

    @Test
    void aBacktestIsFollowedToCompletionWithOneResultPerSymbol() throws IOException {
        String id = start("{\"symbols\":[\"aapl\",\"MSFT\",\"GOOG\"],\"fast_window\":5,\"slow_window\":20}")
                .header("Location", matchesPattern(".*/api/v1/operations/op_backtest_\\d{8}_\\d{6}_[0-9a-f]{8}"))
                .body("operation_type", equalTo("backtest"))
                .body("metadata.symbols", equalTo(SAMPLE))
                .body("metadata.parameters.slow_window", equalTo(20))
                .extract().path("operation_id");

        JsonPath done = awaitEnd(id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getDouble("progress.percentage")).isEqualTo(100.0);
        assertThat(done.getInt("metrics_count")).isEqualTo(3);
        Map<String, Map<String, Object>> perSymbol = done.getMap("result_summary.per_symbol");
        assertThat(perSymbol).containsOnlyKeys(SAMPLE);
        for (String symbol : SAMPLE) {
            assertThat(perSymbol.get(symbol)).containsEntry("bars", barsOf(symbol)).containsKeys("trades",
                    "total_return", "buy_and_hold_return");
        }
        List<Map<String, Object>> metrics = given().get("/api/v1/operations/{id}/metrics", id).jsonPath().getList("metrics");
        assertThat(metrics).extracting(m -> m.get("symbol")).containsExactlyElementsOf(SAMPLE);
        assertThat(metrics.get(1)).containsEntry("trades", perSymbol.get("MSFT").get("trades"))
                .containsEntry("total_return", perSymbol.get("MSFT").get("total_return"));

        String again = start("{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"fast_window\":5,\"slow_window\":20}")
                .extract().path("operation_id");
        assertThat(awaitEnd(again).getMap("result_summary.per_symbol")).as("deterministic").isEqualTo(perSymbol);
    }

    @Test
    void theListingFiltersOnTheNewTypeAndNamesItWhenRefusingAnother() {
        String id = start("{\"symbols\":[\"AAPL\"]}").extract().path("operation_id");

        given().queryParam("operation_type", "backtest").queryParam("limit", 500).get("/api/v1/operations").then()
                .statusCode(200)
                .body("operations.operation_id", hasItem(id))
                .body("operations.operation_type", everyItem(equalTo("backtest")));
        given().queryParam("operation_type", "report").get("/api/v1/operations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("operation_type"))
                .body("detail", containsString("training, data_loading, backtest"));
        awaitEnd(id);
    }

    @Test
    void theMetricsHaveSeriesForTheNewTypeAndCountItsRuns() {
        String completed = "opsbridge_operations_completed_total{type=\"backtest\",}";
        double before = value(given().get("/q/metrics").asString(), completed);

        awaitEnd(start("{\"symbols\":[\"GOOG\"]}").extract().path("operation_id"));

        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(value(after, completed)).isEqualTo(before + 1);
        assertThat(after).contains("opsbridge_operations{status=\"running\",type=\"backtest\",}");
    }

    @Test
    void badRequestsAre400NamingTheField() {
        invalid("{\"symbols\":[]}", "symbols");
        invalid("{\"symbols\":[\"NEVERLOADED\"]}", "symbols").body("detail", containsString("was never loaded"));
        invalid("{\"symbols\":[\"AAPL\"],\"fast_window\":30,\"slow_window\":30}", "slow_window");
        invalid("{\"symbols\":[\"AAPL\"],\"fast_window\":0}", "fast_window");
        invalid("{\"symbols\":[\"AAPL\"],\"pace_ms\":60000}", "pace_ms");
        invalid("{\"symbols\":[\"AAPL\"],\"timeframe\":\"7x\"}", "timeframe");
        invalid("{\"symbols\":[\"AAPL\"],\"mode\":\"host\"}", "mode")
                .body("detail", containsString("opsbridge.backtest.routing.hosts"));
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"window\":3}").post("/api/v1/backtests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown field 'window'"));
    }

    @Test
    void aCancelStopsTheReplayBeforeTheNextSymbol() {
        String id = start("{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"pace_ms\":2000}").extract().path("operation_id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") >= 1);

        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200).body("status", equalTo("cancelled"));

        // the worker is pausing after a symbol: its next event throws, so the last symbol is never replayed
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> {
            JsonPath op = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath();
            return op.getString("status").equals("cancelled") && op.getInt("metrics_count") < 3;
        });
        given().get("/api/v1/operations/{id}/results", id).then().statusCode(409).contentType("application/problem+json");
    }

    private static ValidatableResponse start(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/backtests").then().statusCode(202);
    }

    private static ValidatableResponse invalid(String body, String field) {
        return given().contentType("application/json").body(body).post("/api/v1/backtests").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static JsonPath awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !List.of("pending",
                "running").contains(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));
        return given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** The value of one Prometheus series, 0 if it is not there. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
    }

    /** Bars in the dataset file: its data lines, without the comment and header lines. */
    private static int barsOf(String symbol) throws IOException {
        try (var lines = Files.lines(Path.of("target/test-data/market", symbol + "_1h.csv"))) {
            return (int) lines.filter(l -> !l.isBlank() && Character.isDigit(l.charAt(0))).count();
        }
    }
}

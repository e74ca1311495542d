package io.opsbridge.backend.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static io.opsbridge.backend.metrics.Scrapes.delta;
import static io.opsbridge.backend.metrics.Scrapes.scrape;
import static io.opsbridge.backend.metrics.Scrapes.value;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} answers what an operator asks of local work: how many operations run and
 * ended, how the cache does, how long refreshes take, long-poll wake-ups, metrics reads and the
 * speed of a data load. Counters are compared before and after, so other tests' work does not matter.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static final String LONG_TRAINING =
            "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":500,\"batch_size\":16,\"seed\":3}";
    private static final String SAMPLE_LOAD = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\","
            + "\"start_date\":\"2024-01-01\",\"end_date\":\"2024-02-01\",\"source\":\"sample\"}";

    @Test
    void aFollowedAndCancelledTrainingShowsInTheCountersTimersAndGauges() {
        String before = scrape();
        String id = given().contentType("application/json").body(LONG_TRAINING).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                        .getInt("metrics_count") >= 1);
        // the store gauges reuse one grouped count for a second
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() ->
                value(scrape(), "opsbridge_operations{status=\"running\",type=\"training\",}") >= 1);

        // a long-poll at the newest version waits until the training writes again; one that starts after a
        // newer write is answered at once (no wake-up), so ask again until one was woken
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            long version = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                    .getLong("version");
            given().queryParam("wait", "5s").queryParam("since_version", version).get("/api/v1/operations/{id}", id)
                    .then().statusCode(200);
            return delta(before, scrape(), "opsbridge_longpoll_wakeups_total") >= 1;
        });
        given().get("/api/v1/operations/{id}", id).then().statusCode(200);
        given().get("/api/v1/operations/{id}", id).then().statusCode(200);
        given().queryParam("cursor", 0).get("/api/v1/operations/{id}/metrics", id).then().statusCode(200);
        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);

        String after = scrape();
        assertThat(delta(before, after, "opsbridge_operations_started_total{type=\"training\",}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opsbridge_operations_cancelled_total{type=\"training\",}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opsbridge_queries_total{outcome=\"forced\",}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opsbridge_queries_total{outcome=\"cache_hit\",}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opsbridge_queries_total{outcome=\"cache_miss\",}")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "opsbridge_cache_hit_ratio")).isBetween(0.0, 1.0);
        assertThat(delta(before, after, "opsbridge_refresh_seconds_count{source=\"local\",}")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("opsbridge_refresh_seconds_bucket{source=\"local\",le=");
        assertThat(delta(before, after, "opsbridge_longpoll_wakeups_total")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "opsbridge_metrics_read_items_count")).isEqualTo(1);
        assertThat(delta(before, after, "opsbridge_metrics_read_bytes_sum")).isGreaterThan(20);
        assertThat(after).contains("opsbridge_longpoll_waiters ");
    }

    @Test
    void aCompletedDataLoadRecordsItsRowsPerSecond() {
        String before = scrape();
        String id = given().contentType("application/json").body(SAMPLE_LOAD).post("/api/v1/data/loads")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getString("status").equals("completed"));
        String after = scrape();
        assertThat(delta(before, after, "opsbridge_data_load_rows_per_second_count")).isEqualTo(1);
        assertThat(delta(before, after, "opsbridge_data_load_rows_per_second_sum")).isPositive();
        assertThat(delta(before, after, "opsbridge_operations_completed_total{type=\"data_loading\",}")).isEqualTo(1);
    }

    @Test
    void theCachedReadIsCountedByOurSeriesAndLeftOutOfTheHttpServerTimer() {
        String id = given().contentType("application/json").body(SAMPLE_LOAD).post("/api/v1/data/loads")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getString("status").equals("completed"));
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/operations/{id}", id).then().statusCode(200);
        }
        given().queryParam("cursor", 0).get("/api/v1/operations/{id}/metrics", id).then().statusCode(200);
        given().get("/api/v1/operations").then().statusCode(200);

        String after = scrape();
        // hits or misses: the test profile's cache TTL is 200 ms
        assertThat(delta(before, after, "opsbridge_queries_total{outcome=\"cache_hit\",}")
                + delta(before, after, "opsbridge_queries_total{outcome=\"cache_miss\",}")).isGreaterThanOrEqualTo(3);
        assertThat(after).doesNotContain("uri=\"/api/v1/operations/{id}\"")
                .contains("uri=\"/api/v1/operations/{id}/metrics\"").contains("uri=\"/api/v1/operations\"");
    }
}

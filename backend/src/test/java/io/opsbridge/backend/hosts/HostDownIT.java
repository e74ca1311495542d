package io.opsbridge.backend.hosts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A training host that crashes mid-training: the backend keeps answering, and says so; once the
 * host has not answered for stall-after the answer says {@code stalled}, after fail-after the
 * training is {@code failed} with the reason (short limits from {@link WithTrainingHost.Doomed}).
 */
@QuarkusTest
@TestProfile(WithTrainingHost.Doomed.class)
class HostDownIT {

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @Test
    void killedHostLeavesQueriesAnswering200WithLastProgressThenStalledThenFailed() throws Exception {
        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"mode\":\"host\"}")
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count") >= 1);
        JsonPath before = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath();

        host.kill();

        long begin = System.nanoTime();
        JsonPath after = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id)
                .then().statusCode(200)
                .body("status", equalTo("running"))
                .body("progress.context.host_reachable", equalTo(false))
                .body("progress.context.last_host_error", containsString("unreachable"))
                .extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(3));
        assertThat(after.getInt("metrics_count")).isGreaterThanOrEqualTo(before.getInt("metrics_count"));
        assertThat(after.getString("progress.current_step")).isNotNull();
        given().get("/api/v1/operations/{id}/metrics", id).then().statusCode(200).body("new_cursor", notNullValue());
        given().get("/api/v1/operations").then().statusCode(200)
                .body("operations.find { it.operation_id == '" + id + "' }.progress.context.host_reachable",
                        equalTo(false));
        long recorded = given().get("/api/v1/operations").jsonPath().getLong("total");

        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"epochs\":1,\"mode\":\"host\"}")
                .post("/api/v1/trainings").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opsbridge:problem:host-unreachable"))
                .body("detail", containsString("no training host is reachable"));
        assertThat(given().get("/api/v1/operations").jsonPath().getLong("total"))
                .as("nothing half-made is recorded").isEqualTo(recorded);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath op = given().get("/api/v1/operations/{id}", id).jsonPath();
            return op.getString("status").equals("running") && Boolean.TRUE.equals(op.get("progress.context.stalled"));
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getString("status").equals("failed"));
        JsonPath failed = given().get("/api/v1/operations/{id}", id).jsonPath();
        assertThat(failed.getString("error_message")).startsWith("host unreachable: " + host.url())
                .contains("fail-after 12s");
        assertThat(failed.getString("completed_at")).isNotNull();
        assertThat(failed.getInt("metrics_count")).isGreaterThanOrEqualTo(after.getInt("metrics_count"));
        given().get("/api/v1/operations/{id}/metrics", id).then().statusCode(200)
                .body("metrics.size()", equalTo(failed.getInt("metrics_count")));
    }
}

package io.opsbridge.backend.hosts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.opsbridge.core.recovery.StartupRecovery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A training host that restarts keeps what it finished: its operations live in an H2 file under its
 * {@code opsbridge.data-dir}. A training that completed while nobody read the backend is completed in
 * the backend's record, with the model registered, by the first read after the restart; one that ran
 * when the host was killed is failed as interrupted, not left running on either side.
 */
@QuarkusTest
@TestProfile(WithTrainingHost.Restarted.class)
class HostRestartIT {

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @Test
    void trainingThatFinishedWhileNobodyReadIsCompletedByTheFirstReadAfterTheHostRestarted() {
        JsonPath started = start("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":2,\"batch_size\":64,"
                + "\"seed\":3,\"mode\":\"host\"}");
        String id = started.getString("operation_id");
        String hostId = started.getString("metadata.host_operation_id");
        // only the host is read until it is done: the backend learns nothing of the completion before the restart
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                onHost(hostId).getString("status").equals("completed"));
        String hostCompletedAt = onHost(hostId).getString("completed_at");

        host.restart();

        JsonPath done = given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("completed_at", notNullValue())
                .body("metrics_count", equalTo(2))
                .extract().jsonPath();
        assertThat(Instant.parse(done.getString("completed_at"))).isEqualTo(Instant.parse(hostCompletedAt));
        assertThat(done.getMap("result_summary")).containsEntry("epochs_completed", 2).containsKey("model_path");
        given().get("/api/v1/operations/{id}/metrics", id).then().statusCode(200)
                .body("metrics.epoch", equalTo(java.util.List.of(1, 2)));
        String version = done.getString("result_summary.registry_version");
        assertThat(version).as("the host's model is registered").matches("v\\d+");
        given().get("/api/v1/models/{strategy}/{version}", "mlp_direction", version).then().statusCode(200)
                .body("operation_id", equalTo(id));
    }

    @Test
    void trainingThatRanWhenTheHostWasKilledIsFailedAsInterruptedOnBothSides() throws Exception {
        JsonPath started = start("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"mode\":\"host\"}");
        String id = started.getString("operation_id");
        String hostId = started.getString("metadata.host_operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                onHost(hostId).getInt("metrics_count") >= 1);

        host.kill();
        host.restart();

        JsonPath onHost = onHost(hostId);
        assertThat(onHost.getString("status")).as("the host failed it at start").isEqualTo("failed");
        assertThat(onHost.getString("error_message")).isEqualTo(StartupRecovery.INTERRUPTED);
        given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("error_message", equalTo(StartupRecovery.INTERRUPTED))
                .body("completed_at", notNullValue())
                .body("result_summary", org.hamcrest.Matchers.nullValue());
    }

    private static JsonPath start(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/trainings")
                .then().statusCode(202).extract().jsonPath();
    }

    private JsonPath onHost(String hostId) {
        return given().get(host.url() + "/api/v1/operations/{id}", hostId).then().statusCode(200).extract().jsonPath();
    }
}

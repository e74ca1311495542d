package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With every worker busy and the queue full, a start answers 503 at once instead of hanging. */
@QuarkusTest
@TestProfile(FullWorkerQueueTest.OneWorkerOneSlot.class)
class FullWorkerQueueTest {

    public static class OneWorkerOneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.operations.worker-threads", "1", "opsbridge.operations.queue-capacity", "1");
        }
    }

    private static final String LONG_TRAINING = "{\"symbols\":[\"AAPL\"],\"epochs\":1000,\"batch_size\":8}";

    @Test
    void startBeyondCapacityIs503ProblemAndLeavesNothingBehind() {
        List<String> accepted = new ArrayList<>();
        accepted.add(LocalTrainingFlowTest.startTraining(LONG_TRAINING)); // runs
        accepted.add(LocalTrainingFlowTest.startTraining(LONG_TRAINING)); // waits in the queue
        try {
            given().contentType("application/json").body(LONG_TRAINING).post("/api/v1/trainings").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("title", equalTo("No worker available"));

            given().queryParam("operation_type", "training").get("/api/v1/operations").then()
                    .statusCode(200)
                    .body("total", equalTo(2));
        } finally {
            // the queued one first, so the freed worker never picks it up
            given().post("/api/v1/operations/{id}/cancel", accepted.get(1));
            given().post("/api/v1/operations/{id}/cancel", accepted.get(0));
        }
        // the queued one never ran; the running one stops at its next batch
        given().get("/api/v1/operations/{id}", accepted.get(1)).then().body("status", equalTo("cancelled"))
                .body("started_at", org.hamcrest.Matchers.nullValue());
        LocalTrainingFlowTest.awaitTerminal(accepted.get(0));
    }
}

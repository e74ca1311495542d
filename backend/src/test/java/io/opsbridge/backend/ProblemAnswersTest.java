package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every client mistake answers a clear 4xx application/problem+json, never a 500 or a stack trace. */
@QuarkusTest
class ProblemAnswersTest {

    @Test
    void unknownOperationIs404() {
        problem(given().get("/api/v1/operations/op_training_20260101_000000_deadbeef"), 404)
                .body("detail", containsString("op_training_20260101_000000_deadbeef"));
        problem(given().get("/api/v1/operations/nope/metrics"), 404);
        problem(given().get("/api/v1/operations/nope/results"), 404);
        problem(given().post("/api/v1/operations/nope/cancel"), 404);
    }

    @Test
    void negativeCursorIs400NamingCursor() {
        String id = LocalTrainingFlowTest.startTraining("{\"symbols\":[\"AAPL\"],\"epochs\":1}");
        problem(given().queryParam("cursor", -1).get("/api/v1/operations/{id}/metrics", id), 400)
                .body("field", equalTo("cursor"));
        problem(given().queryParam("cursor", "abc").get("/api/v1/operations/{id}/metrics", id), 400)
                .body("field", equalTo("cursor"));
        LocalTrainingFlowTest.awaitTerminal(id);
    }

    @Test
    void unknownEnumValuesAre400NamingTheAcceptedOnes() {
        problem(given().queryParam("status", "sleeping").get("/api/v1/operations"), 400)
                .body("detail", containsString("pending, running, completed, failed, cancelled"));
        problem(given().queryParam("operation_type", "baking").get("/api/v1/operations"), 400)
                .body("field", equalTo("operation_type"));
        problem(given().queryParam("limit", 0).get("/api/v1/operations"), 400).body("field", equalTo("limit"));
        problem(given().queryParam("force_refresh", "maybe").get("/api/v1/operations/x"), 400);
    }

    @Test
    void malformedJsonIs400() {
        problem(given().contentType("application/json").body("{\"symbols\": [\"AAPL\"").post("/api/v1/trainings"), 400);
        problem(given().contentType("application/json").body("{\"symbols\": \"AAPL\", \"epochs\": \"ten\"}")
                .post("/api/v1/trainings"), 400);
        problem(given().contentType("application/json").body("").post("/api/v1/trainings"), 400);
    }

    @Test
    void invalidTrainingRequestsAre400NamingTheField() {
        invalidTraining("{\"symbols\":[],\"epochs\":2}", "symbols");
        invalidTraining("{\"symbols\":[\"AAPL\"],\"epochs\":0}", "epochs");
        invalidTraining("{\"symbols\":[\"AAPL\"],\"epochs\":2,\"batch_size\":-1}", "batch_size");
        invalidTraining("{\"symbols\":[\"ZZZZ\"],\"epochs\":2}", "symbols")
                .body("detail", containsString("dataset ZZZZ 1h was never loaded"));
        invalidTraining("{\"symbols\":[\"AAPL\"],\"epochs\":2,\"mode\":\"host\"}", "mode")
                .body("detail", containsString("not configured"));
        invalidTraining("{\"symbols\":[\"AAPL\"],\"epochs\":2,\"mode\":\"cloud\"}", "mode");
    }

    @Test
    void cancellingACompletedOperationIs409AndChangesNothing() {
        String id = LocalTrainingFlowTest.startTraining("{\"symbols\":[\"AAPL\"],\"epochs\":1}");
        LocalTrainingFlowTest.awaitTerminal(id);
        problem(given().post("/api/v1/operations/{id}/cancel", id), 409);
        given().get("/api/v1/operations/{id}", id).then().body("status", equalTo("completed"));
    }

    private static ValidatableResponse invalidTraining(String body, String field) {
        return problem(given().contentType("application/json").body(body).post("/api/v1/trainings"), 400)
                .body("field", equalTo(field));
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body("type", containsString("urn:opsbridge:problem:"))
                .body(not(containsString("at io.opsbridge")));
    }
}

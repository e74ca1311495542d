package io.opsbridge.backend.hosts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Host trainings routed by the new keys and, deprecated, by the old ones, in the running application. */
class RoutingKeysTest {

    private static final String HOST_TRAINING = "{\"symbols\":[\"AAPL\"],\"epochs\":1,\"mode\":\"host\"}";
    private static final String NO_MODE = "{\"symbols\":[\"AAPL\"],\"epochs\":1}";

    /** {@code opsbridge.training.routing.hosts}. */
    @QuarkusTest
    @QuarkusTestResource(value = FakeTrainingHost.class, restrictToAnnotatedClass = true,
            initArgs = @ResourceArg(name = "key", value = "opsbridge.training.routing.hosts"))
    static class NewKeyTest {

        @Test
        void aHostTrainingLandsOnTheHostOfTheNewKey() {
            startsOnTheFakeHost(HOST_TRAINING);
        }
    }

    /** {@code opsbridge.training.hosts} and {@code opsbridge.training.default-mode}, deprecated. */
    @QuarkusTest
    @QuarkusTestResource(value = FakeTrainingHost.class, restrictToAnnotatedClass = true, initArgs = {
            @ResourceArg(name = "key", value = "opsbridge.training.hosts"),
            @ResourceArg(name = "default-mode-key", value = "opsbridge.training.default-mode")})
    static class OldKeysTest {

        @Test
        void aTrainingWithoutModeLandsOnTheHostOfTheOldKeys() {
            startsOnTheFakeHost(NO_MODE);
        }
    }

    private static void startsOnTheFakeHost(String body) {
        given().contentType("application/json").body(body).post("/api/v1/trainings").then()
                .statusCode(202)
                .body("metadata.mode", equalTo("host"))
                .body("metadata.host_service_url", matchesPattern("http://127\\.0\\.0\\.1:\\d+"))
                .body("metadata.host_operation_id", matchesPattern("host_training_fake\\d+"));
    }
}

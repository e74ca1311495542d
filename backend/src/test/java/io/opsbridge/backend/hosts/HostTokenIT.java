package io.opsbridge.backend.hosts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real training host started with {@code opsbridge.host.token}: the backend (given the same token as
 * {@code opsbridge.proxy.token}) starts and cancels work there, while anyone else's start or cancel sent
 * to the host directly is a 401 problem+json; the host's reads stay open.
 */
@QuarkusTest
@TestProfile(HostTokenIT.WithHostToken.class)
class HostTokenIT {

    static final String TOKEN = "host-token-for-the-backend-only-0123";

    public static class WithHostToken implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TrainingHostProcess.class,
                    Map.of(TrainingHostProcess.HOST_TOKEN, TOKEN)));
        }
    }

    private static final String HOST_TRAINING =
            "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":%d,\"batch_size\":64,\"seed\":1,\"mode\":\"host\"}";

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @Test
    void theBackendStartsAndCancelsOnTheHostWithItsTokenAndNobodyElseCan() {
        String id = given().contentType("application/json").body(HOST_TRAINING.formatted(2)).post("/api/v1/trainings")
                .then().statusCode(202).body("metadata.mode", equalTo("host")).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> "completed".equals(
                given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().path("status")));

        String running = given().contentType("application/json").body(HOST_TRAINING.formatted(300))
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        given().post("/api/v1/operations/{id}/cancel", running).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(
                given().get("/api/v1/operations/{id}", running).then().extract().path("status")));

        for (var caller : List.of(given(), given().auth().oauth2("not-the-host-token"),
                given().auth().oauth2(TOKEN + "x"))) {
            caller.contentType("application/json").body(HOST_TRAINING.formatted(2)).post(host.url() + "/training/start")
                    .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
        given().post(host.url() + "/api/v1/operations/host_training_nope/cancel").then().statusCode(401);
        given().get(host.url() + "/api/v1/operations").then().statusCode(200);
        given().get(host.url() + "/q/health/ready").then().statusCode(200);
    }
}

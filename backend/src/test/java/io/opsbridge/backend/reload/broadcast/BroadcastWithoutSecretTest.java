package io.opsbridge.backend.reload.broadcast;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis configured but no secret: the broadcast does not start, and health and the admin call say why. */
@QuarkusTest
@TestProfile(BroadcastWithoutSecretTest.RedisWithoutSecret.class)
class BroadcastWithoutSecretTest {

    /** The shared Redis as host (never connected to: nothing starts without a secret). */
    public static class RedisWithoutSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:6379");
        }
    }

    @Test
    void healthSaysDisabledAndNamesTheMissingSecret() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'reload broadcast' }.data.mode", equalTo("disabled"))
                .body("checks.find { it.name == 'reload broadcast' }.data.reason",
                        containsString("OPSBRIDGE_BROADCAST_SECRET"));
    }

    @Test
    void anAdminBroadcastIsRefusedWithTheSameReason() {
        TestTokens.asAdmin().contentType("application/json").body("{\"kind\":\"model\"}").post("/api/v1/admin/broadcast").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("OPSBRIDGE_BROADCAST_SECRET"));
    }
}

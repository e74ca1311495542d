package io.opsbridge.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a burst of 3 and one more per minute, the fourth call in a row is a 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBurst.class)
class RateLimitTest {

    public static class SmallBurst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.security.rate-limit.admin.burst", "3",
                    "opsbridge.security.rate-limit.admin.refill-period", "60s",
                    "opsbridge.security.rate-limit.starts.burst", "3",
                    "opsbridge.security.rate-limit.starts.refill-period", "60s");
        }
    }

    @Test
    void theFourthAdminTriggerInARowIs429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            reload(TestTokens.ADMIN).then().statusCode(org.hamcrest.Matchers.not(429));
        }
        Response limited = reload(TestTokens.ADMIN);
        limited.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        TestTokens.asAdmin().contentType("application/json").body(Map.of("name", "other", "role", "admin"))
                .post("/api/v1/admin/tokens").then().statusCode(429); // the same caller's admin budget
    }

    @Test
    void startsAreLimitedPerCallerToo() {
        int limited = 0;
        for (int i = 0; i < 4; i++) {
            int status = given().contentType("application/json").body("{\"symbols\":[]}").post("/api/v1/data/loads")
                    .statusCode();
            limited += status == 429 ? 1 : 0;
        }
        assertThat(limited).isEqualTo(1);
    }

    private static Response reload(String token) {
        return given().auth().oauth2(token).queryParam("strategy", "Bad!").post("/api/v1/model/reload");
    }
}

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

/** With a burst of 3 and one more per minute, the fourth call in a row from one caller is a 429 with Retry-After. */
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
    void trainingsAndDataLoadsShareOneStartBudgetPerCaller() {
        // Both start endpoints inherit StartResource.start: the limit must reach them through the subclass.
        assertThat(start("/api/v1/trainings", null)).isNotEqualTo(429);
        assertThat(start("/api/v1/data/loads", null)).isNotEqualTo(429);
        assertThat(start("/api/v1/trainings", null)).isNotEqualTo(429);
        assertThat(start("/api/v1/trainings", null)).isEqualTo(429);
        assertThat(start("/api/v1/data/loads", null)).isEqualTo(429);
        // Another caller (a token) has a budget of its own.
        assertThat(start("/api/v1/data/loads", TestTokens.ADMIN)).isNotEqualTo(429);
        assertThat(start("/api/v1/trainings", TestTokens.ADMIN)).isNotEqualTo(429);
    }

    /** A start that fails validation (400) still counts: the limit is taken before the body is read. */
    private static int start(String path, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.contentType("application/json").body("{\"symbols\":[]}").post(path).statusCode();
    }

    private static Response reload(String token) {
        return given().auth().oauth2(token).queryParam("strategy", "Bad!").post("/api/v1/model/reload");
    }
}

package io.opsbridge.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.TestTokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change and every refusal names who, what, the outcome and the request id; never the token. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void anAdminCallIsRecordedWithItsTokenIdAndRequestId() {
        String requestId = "req-" + UUID.randomUUID();
        TestTokens.asAdmin().header("X-Request-Id", requestId).queryParam("older_than", "2d")
                .post("/api/v1/admin/retention").then().statusCode(200).header("X-Request-Id", requestId);
        Map<String, Object> entry = awaitEntry(requestId);
        assertThat((String) entry.get("actor")).startsWith("token:");
        assertThat(entry).containsEntry("role", "admin").containsEntry("action", "POST /api/v1/admin/retention")
                .containsEntry("outcome", "ok").containsEntry("status", 200).containsKey("params_digest")
                .containsKey("remote_address");
    }

    @Test
    void aRefusedCallIsRecordedAsUnauthenticatedOrForbidden() {
        String anonymous = "req-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).post("/api/v1/models/m/v1/activate").then().statusCode(401);
        assertThat(awaitEntry(anonymous)).containsEntry("actor", "anonymous").containsEntry("outcome", "unauthenticated")
                .containsEntry("action", "POST /api/v1/models/{strategy}/{version}/activate");

        String viewer = TestTokens.asAdmin().contentType("application/json").body(Map.of("name", "audit", "role", "viewer"))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");
        String forbidden = "req-" + UUID.randomUUID();
        given().auth().oauth2(viewer).header("X-Request-Id", forbidden).get("/api/v1/admin/audit").then().statusCode(403);
        assertThat(awaitEntry(forbidden)).containsEntry("outcome", "forbidden").containsEntry("role", "viewer");

        String trail = TestTokens.asAdmin().queryParam("limit", 1000).get("/api/v1/admin/audit").asString();
        assertThat(trail).doesNotContain(TestTokens.ADMIN).doesNotContain(viewer);
    }

    @Test
    void theTrailFiltersByActorAndAction() {
        String requestId = "req-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).contentType("application/json").body("{\"symbols\":[]}")
                .post("/api/v1/trainings").then().statusCode(400);
        awaitEntry(requestId);
        List<Map<String, Object>> trainings = TestTokens.asAdmin().queryParam("actor", "anonymous")
                .queryParam("action", "/api/v1/trainings").get("/api/v1/admin/audit").jsonPath().getList("entries");
        assertThat(trainings).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("actor", "anonymous")
                .containsEntry("action", "POST /api/v1/trainings"));
        TestTokens.asAdmin().queryParam("since", "yesterday").get("/api/v1/admin/audit").then().statusCode(400);
    }

    private static Map<String, Object> awaitEntry(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath trail = TestTokens.asAdmin().queryParam("limit", 1000).get("/api/v1/admin/audit").jsonPath();
            List<Map<String, Object>> entries = trail.getList("entries");
            return entries.stream().filter(e -> requestId.equals(e.get("request_id"))).findFirst().orElse(null);
        }, e -> e != null);
    }
}

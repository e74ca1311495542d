package io.opsbridge.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users from properties files (src/test/resources/users-file) signing in with HTTP Basic next to bearer tokens:
 * {@code vera} is a viewer, {@code ada} an admin. Reads are open to anyone here but starts are not
 * ({@code require-auth-for=writes}), so a viewer's refusal is the viewer role's own.
 */
@QuarkusTest
@TestProfile(UsersFileTest.UsersFile.class)
class UsersFileTest {

    private static final String VIEWER_PASSWORD = "vera-pass-4711";
    private static final String ADMIN_PASSWORD = "ada-pass-0815";
    private static final String WRONG_PASSWORD = "not-veras-pass-9921";

    public static class UsersFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.basic", "true",
                    "quarkus.security.users.file.enabled", "true",
                    "quarkus.security.users.file.realm-name", "opsbridge",
                    "quarkus.security.users.file.users", "users-file/users.properties",
                    "quarkus.security.users.file.roles", "users-file/roles.properties",
                    "opsbridge.security.require-auth-for", "writes");
        }
    }

    private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logLines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void stopCapturingLogs() {
        Logger.getLogger("").removeHandler(logCapture);
    }

    @Test
    void aViewerUserReadsButCannotStartWork() {
        given().auth().preemptive().basic("vera", VIEWER_PASSWORD).get("/api/v1/operations").then().statusCode(200);
        given().auth().preemptive().basic("vera", VIEWER_PASSWORD).contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"]}").post("/api/v1/trainings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAdminUserDryRunsRetentionAndTheTrailNamesThem() {
        String requestId = "req-" + UUID.randomUUID();
        given().auth().preemptive().basic("ada", ADMIN_PASSWORD).header("X-Request-Id", requestId)
                .queryParam("older_than", "2d").queryParam("dry_run", true).post("/api/v1/admin/retention")
                .then().statusCode(200);
        assertThat(awaitEntry(requestId)).containsEntry("actor", "user:ada").containsEntry("role", "admin")
                .containsEntry("action", "POST /api/v1/admin/retention").containsEntry("outcome", "ok");
        // a token still works next to the users
        TestTokens.asAdmin().get("/api/v1/admin/tokens").then().statusCode(200);
    }

    @Test
    void aWrongPasswordIs401ProblemAuditedWithoutThePassword() {
        String requestId = "req-" + UUID.randomUUID();
        Response refused = given().auth().preemptive().basic("vera", WRONG_PASSWORD).header("X-Request-Id", requestId)
                .queryParam("older_than", "2d").queryParam("dry_run", true).post("/api/v1/admin/retention");
        refused.then().statusCode(401).contentType("application/problem+json");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(401);
        assertThat(awaitEntry(requestId)).containsEntry("outcome", "unauthenticated").containsEntry("status", 401);

        String trail = TestTokens.asAdmin().queryParam("limit", 1000).get("/api/v1/admin/audit").asString();
        String encoded = Base64.getEncoder().encodeToString(("vera:" + WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(WRONG_PASSWORD, VIEWER_PASSWORD, ADMIN_PASSWORD, encoded)) {
            assertThat(trail).doesNotContain(secret);
            assertThat(logLines).noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void theChallengeNamesBothSchemes() {
        Response refused = given().post("/api/v1/admin/retention");
        refused.then().statusCode(401).contentType("application/problem+json");
        assertThat(refused.headers().getValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"opsbridge\"", "Basic realm=\"opsbridge\"");
    }

    private static Map<String, Object> awaitEntry(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, Object>> entries = TestTokens.asAdmin().queryParam("limit", 1000)
                    .get("/api/v1/admin/audit").jsonPath().getList("entries");
            return entries.stream().filter(e -> requestId.equals(e.get("request_id"))).findFirst().orElse(null);
        }, e -> e != null);
    }
}

package io.opsbridge.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production setting ({@code require-auth-for=all}) with no configured admin token: the first
 * start writes one to the admin-token file (mode 0600), and without a token nothing answers but 401.
 */
@QuarkusTest
@TestProfile(RequireAuthForAllTest.AllAndGeneratedAdmin.class)
class RequireAuthForAllTest {

    static final Path TOKEN_FILE = Path.of("target/test-data/all-profile/admin-token");

    public static class AllAndGeneratedAdmin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.security.require-auth-for", "all", "opsbridge.security.admin-token", "",
                    "opsbridge.security.admin-token-file", TOKEN_FILE.toString());
        }
    }

    @Test
    void theFirstStartWritesAnAdminTokenOnlyItsOwnerCanRead() throws Exception {
        assertThat(Files.getPosixFilePermissions(TOKEN_FILE))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(TOKEN_FILE).trim();
        assertThat(token).startsWith("obt_");
        given().auth().oauth2(token).get("/api/v1/admin/tokens").then().statusCode(200);
    }

    @Test
    void withoutATokenNothingIsReadOrStarted() {
        given().get("/api/v1/operations").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/operations/op_nope").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"opsbridge\"");
        given().get("/api/v1/model/info").then().statusCode(401);
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"]}").post("/api/v1/trainings")
                .then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void healthTheApiDocumentAndTheWebUiPagesStayOpen() {
        // what docs/security.md says "all" leaves open to anyone who reaches the port
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void metricsAndTheDataSourcesNeedAToken() throws Exception {
        // the data sources name the server's data directory and files; the metrics, what runs and how much
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/v1/data/sources").then().statusCode(401).contentType("application/problem+json");
        String admin = Files.readString(TOKEN_FILE).trim();
        String viewer = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "scraper", "role", "viewer")).post("/api/v1/admin/tokens").then().statusCode(201)
                .extract().path("secret");
        given().auth().oauth2(viewer).get("/q/metrics").then().statusCode(200)
                .body(containsString("opsbridge_"));
        given().auth().oauth2(viewer).get("/api/v1/data/sources").then().statusCode(200)
                .body("default", org.hamcrest.Matchers.equalTo("sample"));
    }

    @Test
    void aViewerReadsButCannotStartWork() throws Exception {
        String admin = Files.readString(TOKEN_FILE).trim();
        String viewer = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "reader", "role", "viewer")).post("/api/v1/admin/tokens").then().statusCode(201)
                .extract().path("secret");
        given().auth().oauth2(viewer).get("/api/v1/operations").then().statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/operations/op_nope").then().statusCode(404);
        given().auth().oauth2(viewer).contentType("application/json").body("{\"symbols\":[\"AAPL\"]}")
                .post("/api/v1/trainings").then().statusCode(403);
    }
}

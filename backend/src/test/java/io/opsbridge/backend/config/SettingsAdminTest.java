package io.opsbridge.backend.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.opsbridge.backend.TestTokens;
import io.opsbridge.core.settings.Settings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin endpoints of the runtime settings, against a file with no watch (each reload is the test's own). */
@QuarkusTest
@TestProfile(SettingsAdminTest.AdminOnly.class)
class SettingsAdminTest {

    static final RuntimeFile FILE = new RuntimeFile("admin");

    /** A settings file of this test's own, reloaded only by the admin call. */
    public static class AdminOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.settings.file", FILE.file.toString(), "opsbridge.settings.watch", "false");
        }
    }

    @Inject
    Settings settings;

    @Test
    void showsTheValuesInForceAndWhatIsReloadable() {
        TestTokens.asAdmin().get("/api/v1/admin/settings").then().statusCode(200)
                .body("file", equalTo(FILE.file.toString()))
                .body("reloadable", hasItem("opsbridge.operations.cache-ttl"))
                .body("reloadable", hasItem("opsbridge.models.reload-interval"))
                .body("values.'opsbridge.models.reload-interval'", equalTo("300s"));
    }

    @Test
    void reloadAppliesTheFileAndAnswersTheDiffAndEveryAnswerCarriesTheNewVersion() {
        long before = settings.current().version();
        FILE.write("opsbridge.operations.cache-ttl=350ms\nopsbridge.stall.training.stall-after=7m\n");

        JsonPath answer = TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().statusCode(200)
                .body("outcome", equalTo("applied"))
                .body("trigger", equalTo("admin"))
                .extract().jsonPath();

        assertThat(answer.getLong("from_version")).isEqualTo(before);
        assertThat(answer.getLong("to_version")).isEqualTo(before + 1);
        assertThat(answer.getList("diff.key", String.class)).contains("opsbridge.operations.cache-ttl",
                "opsbridge.stall.training.stall-after");
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(350));
        TestTokens.asAdmin().get("/api/v1/admin/settings").then()
                .header("X-OpsBridge-Settings-Version", String.valueOf(before + 1))
                .body("version", equalTo((int) before + 1))
                .body("trigger", equalTo("admin"))
                .body("sha256", equalTo(answer.getString("sha256")))
                .body("values.'opsbridge.operations.cache-ttl'", equalTo("350ms"));
        given().get("/q/health/ready").then().header("X-OpsBridge-Settings-Version", String.valueOf(before + 1));
    }

    @Test
    void brokenFileIsRejectedWithEveryErrorAndTheOldSettingsKeepServing() {
        FILE.write("opsbridge.operations.cache-ttl=250ms\n");
        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().statusCode(200);
        long version = settings.current().version();
        FILE.write("opsbridge.operations.cache-ttl=soon\nopsbridge.operations.worker-thread=3\n"
                + "quarkus.http.port=9999\nopsbridge.stall.data-loading.stall-after=3h\n");

        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().statusCode(200)
                .body("outcome", equalTo("rejected"))
                .body("errors.size()", equalTo(4))
                .body("errors", hasItem("quarkus.http.port needs a restart; it cannot be changed by a reload"))
                .body("errors", hasItem("opsbridge.operations.worker-thread is not a known setting"));

        TestTokens.asAdmin().get("/api/v1/admin/settings").then()
                .body("version", equalTo((int) version))
                .body("values.'opsbridge.operations.cache-ttl'", equalTo("250ms"))
                .body("last_rejected.outcome", equalTo("rejected"))
                .body("last_rejected.errors.size()", equalTo(4));
        TestTokens.asAdmin().get("/api/v1/admin/settings/history?limit=1").then().statusCode(200)
                .body("events[0].outcome", equalTo("rejected"))
                .body("stats.totals.rejected", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void dryRunDiffsWithoutApplying() {
        FILE.write("opsbridge.operations.cache-ttl=260ms\n");
        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().body("outcome", equalTo("applied"));
        long version = settings.current().version();
        FILE.write("opsbridge.operations.cache-ttl=270ms\n");

        TestTokens.asAdmin().post("/api/v1/admin/settings/reload?dry_run=true").then().statusCode(200)
                .body("outcome", equalTo("applied"))
                .body("dry_run", equalTo(true))
                .body("diff[0].from", equalTo("260ms"))
                .body("diff[0].to", equalTo("270ms"));

        assertThat(settings.current().version()).isEqualTo(version);
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(260));
    }

    @Test
    void sameFileAgainIsUnchanged() {
        FILE.write("opsbridge.operations.cache-ttl=280ms\n");
        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().body("outcome", equalTo("applied"));

        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().body("outcome", equalTo("unchanged"));
    }

    @Test
    void reloadsAreCountedInTheMetrics() {
        FILE.write("opsbridge.operations.cache-ttl=290ms\n");
        TestTokens.asAdmin().post("/api/v1/admin/settings/reload").then().body("outcome", equalTo("applied"));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("opsbridge_settings_reloads_total{outcome=\"applied\",trigger=\"admin\",}"))
                .body(containsString("opsbridge_settings_version " + settings.current().version() + ".0"));
    }

    @Test
    void badHistoryLimitIsAProblemNamingIt() {
        for (String bad : List.of("0", "101", "many")) {
            TestTokens.asAdmin().get("/api/v1/admin/settings/history?limit=" + bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("limit"))
                    .body("detail", containsString("1 to 100"));
        }
    }
}

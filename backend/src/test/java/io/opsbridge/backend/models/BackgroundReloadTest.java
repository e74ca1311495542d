package io.opsbridge.backend.models;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.opsbridge.backend.models.registry.ModelBeans;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The safety-net poll: a version activated in the database only (as by another replica) is served
 * within one interval; a version that cannot load is reported and the old one keeps serving; and
 * the check goes on to serve the next good version.
 */
@QuarkusTest
@TestProfile(BackgroundReloadTest.ShortReloadInterval.class)
class BackgroundReloadTest {

    static final String STRATEGY = "background_check";

    /** Checks every 200 ms and serves {@link #STRATEGY}. */
    public static class ShortReloadInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.models.reload-interval", "200ms", "opsbridge.models.strategy", STRATEGY);
        }
    }

    @Inject
    ModelRegistryStore store;

    @Inject
    ModelBeans beans;

    @Test
    void theBackgroundCheckServesNewVersionsAndSurvivesOneThatCannotLoad() {
        String v1 = RegisteredModels.trained(store, STRATEGY, 1);
        String v2 = RegisteredModels.trained(store, STRATEGY, 2);
        String broken = RegisteredModels.corrupt(store, STRATEGY, v1);

        store.activate(STRATEGY, v1);
        awaitServing(v1);

        long failedBefore = given().get("/api/v1/model/info").jsonPath().getLong("failed_reloads");
        store.activate(STRATEGY, broken);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().get("/api/v1/model/info").jsonPath().getLong("failed_reloads") > failedBefore);
        given().get("/api/v1/model/info").then().body("version", equalTo(v1))
                .body("last_failure.version", equalTo(broken));
        given().contentType("application/json").body(Map.of("symbols", List.of("AAPL")))
                .post("/api/v1/signals/generate").then().statusCode(200).body("metadata.model_version", equalTo(v1));
        // still ready: it serves (every replica would be in the same state; none should leave the pool)
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'model loaded' }.data.version", equalTo(v1))
                .body("checks.find { it.name == 'model loaded' }.data.active_version", equalTo(broken));

        long runs = beans.checkRuns();
        store.activate(STRATEGY, v2);
        awaitServing(v2);
        assertThat(beans.checkRuns()).isGreaterThan(runs);
    }

    private static void awaitServing(String version) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                version.equals(given().get("/api/v1/model/info").jsonPath().getString("version")));
    }
}

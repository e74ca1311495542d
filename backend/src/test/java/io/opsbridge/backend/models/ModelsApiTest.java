package io.opsbridge.backend.models;

import io.opsbridge.backend.TestTokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The registry, activation, reload and info endpoints over HTTP, with real trained models. */
@QuarkusTest
class ModelsApiTest {

    @Inject
    ModelRegistryStore store;

    @Inject
    DataSource dataSource;

    @Test
    void aTrainingIsRegisteredActivatedAndServesSignalsNamingItsVersion() {
        String strategy = RegisteredModels.strategy("e2e");
        JsonPath first = train(strategy, false);
        assertThat(first.getString("result_summary.registry_version")).isEqualTo("v1");
        assertThat(first.getBoolean("result_summary.activated")).isFalse();

        given().queryParam("strategy", strategy).get("/api/v1/models").then().statusCode(200)
                .body("total", equalTo(1))
                .body("models[0].version", equalTo("v1"))
                .body("models[0].status", equalTo("inactive"))
                .body("models[0].operation_id", equalTo(first.getString("operation_id")))
                .body("models[0].performance_metrics.epochs", equalTo(2))
                .body("models[0].performance_metrics.val_accuracy", notNullValue())
                .body("models[0].config.epochs", equalTo(2))
                .body("models[0].config.symbols", equalTo(List.of("AAPL", "MSFT")));

        TestTokens.asAdmin().post("/api/v1/models/{s}/v1/activate", strategy).then().statusCode(200)
                .body("status", equalTo("active")).body("activated_at", notNullValue());
        given().queryParam("strategy", strategy).get("/api/v1/model/info").then().statusCode(200)
                .body("loaded", equalTo(true)).body("version", equalTo("v1")).body("timeframe", equalTo("1h"))
                .body("trained_on", equalTo(List.of("AAPL", "MSFT")));
        signals(strategy).then().statusCode(200).body("metadata.model_version", equalTo("v1"));

        JsonPath second = train(strategy, true); // auto_activate
        assertThat(second.getString("result_summary.registry_version")).isEqualTo("v2");
        assertThat(second.getBoolean("result_summary.activated")).isTrue();
        signals(strategy).then().statusCode(200).body("metadata.model_version", equalTo("v2"));
        given().get("/api/v1/models/{s}/v1", strategy).then().statusCode(200)
                .body("status", equalTo("inactive")).body("deactivated_at", notNullValue());
        given().get("/api/v1/models/{s}/v2", strategy).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void signalsRankSymbolsAndWeightTheTopAndBottom() {
        String strategy = RegisteredModels.strategy("rank");
        String v1 = RegisteredModels.trained(store, strategy, 1);
        TestTokens.asAdmin().post("/api/v1/models/{s}/{v}/activate", strategy, v1).then().statusCode(200);

        JsonPath answer = given().contentType("application/json")
                .body(Map.of("symbols", List.of("aapl", "MSFT", "GOOG"), "as_of_date", "2024-02-01", "top_n", 1,
                        "bottom_n", 1, "strategy", strategy))
                .post("/api/v1/signals/generate").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("signals.rank")).containsExactly(1, 2, 3);
        assertThat(answer.getList("signals.target_weight", Double.class)).containsExactly(1.0, 0.0, -1.0);
        assertThat(answer.getList("signals.symbol")).containsExactlyInAnyOrder("AAPL", "MSFT", "GOOG");
        List<Double> scores = answer.getList("signals.score", Double.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Map<String, Float> p = answer.getMap("signals[0].probabilities");
        assertThat(p).containsOnlyKeys("down", "flat", "up");
        assertThat(p.values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(answer.getString("signals[0].predicted_direction")).isIn("down", "flat", "up");
        assertThat(answer.getMap("metadata")).containsEntry("as_of_date", "2024-02-01")
                .containsEntry("model_version", "v1").containsEntry("strategy", strategy)
                .containsEntry("num_signals", 3).containsKey("generated_at");
    }

    @Test
    void signalsAnswer404ForAStrategyThatHasNoModel() {
        given().contentType("application/json")
                .body(Map.of("symbols", List.of("AAPL"), "strategy", RegisteredModels.strategy("never_trained")))
                .post("/api/v1/signals/generate").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no model for strategy"))
                .header("Retry-After", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void trainingAnUnknownStrategyIsRefusedListingTheKnownOnesUnlessTheRequestCreatesIt() {
        String typo = RegisteredModels.strategy("mlp_directoin");
        TestTokens.asAdmin().contentType("application/json")
                .body(Map.of("symbols", List.of("AAPL"), "epochs", 1, "strategy", typo))
                .post("/api/v1/trainings").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("strategy"))
                .body("detail", containsString("unknown strategy '" + typo + "'"))
                .body("detail", containsString("mlp_direction"))
                .body("detail", containsString("\"new_strategy\": true"));
        assertThat(given().get("/api/v1/models?strategy={s}", typo).jsonPath().getList("models")).isEmpty();

        TestTokens.asAdmin().contentType("application/json")
                .body(Map.of("symbols", List.of("AAPL"), "epochs", 1, "strategy", typo, "new_strategy", true))
                .post("/api/v1/trainings").then().statusCode(202);
    }

    @Test
    void strategiesThatCannotExistAre400NotRetryable() {
        for (String strategy : List.of("../../etc/passwd", "x".repeat(100_000), "A..")) {
            given().contentType("application/json").body(Map.of("symbols", List.of("AAPL"), "strategy", strategy))
                    .post("/api/v1/signals/generate").then().statusCode(400)
                    .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("strategy"));
        }
        given().contentType("application/json").body("{\"symbols\":[\"AAPL\"],\"strategy\":1e309}")
                .post("/api/v1/signals/generate").then().statusCode(400)
                .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("strategy"));
        TestTokens.asAdmin().post("/api/v1/models/..%2F..%2Fetc/v1/activate").then().statusCode(org.hamcrest.Matchers.either(
                org.hamcrest.Matchers.is(400)).or(org.hamcrest.Matchers.is(404)));
        given().get("/api/v1/models/Bad.Name/v1").then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("strategy"));
        given().get("/api/v1/models/mlp_direction/latest!").then().statusCode(400).body("field",
                org.hamcrest.Matchers.equalTo("version"));
    }

    @Test
    void badSignalRequestsAre400NamingTheField() {
        badSignal("{\"symbols\":[]}", "symbols");
        badSignal("{\"symbols\":[\"AAPL\"],\"as_of_date\":\"yesterday\"}", "as_of_date");
        badSignal("{\"symbols\":[\"AAPL\",\"MSFT\"],\"top_n\":2,\"bottom_n\":1}", "top_n");
        badSignal("{\"symbols\":[\"AAPL\"],\"bottom_n\":-1,\"top_n\":0}", "bottom_n");
        badSignal("{\"symbols\":[\"../etc\"]}", "symbols");
        given().contentType("application/json").body("{\"symbols\":").post("/api/v1/signals/generate")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingDataIs404NamingTheSymbol() {
        String strategy = RegisteredModels.strategy("nodata");
        String v1 = RegisteredModels.trained(store, strategy, 1);
        TestTokens.asAdmin().post("/api/v1/models/{s}/{v}/activate", strategy, v1).then().statusCode(200);

        given().contentType("application/json").body(Map.of("symbols", List.of("AAPL", "NOPE"), "strategy", strategy))
                .post("/api/v1/signals/generate").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("NOPE"))
                .body("detail", containsString("NOPE_1h.csv"));
        given().contentType("application/json")
                .body(Map.of("symbols", List.of("AAPL"), "as_of_date", "2020-01-01", "strategy", strategy))
                .post("/api/v1/signals/generate").then().statusCode(404).body("detail", containsString("AAPL"));
    }

    @Test
    void activatingAVersionThatCannotLoadIs409WithTheCauseAndTheOldOneKeepsServing() {
        String strategy = RegisteredModels.strategy("corrupt");
        String v1 = RegisteredModels.trained(store, strategy, 1);
        TestTokens.asAdmin().post("/api/v1/models/{s}/{v}/activate", strategy, v1).then().statusCode(200);
        String v2 = RegisteredModels.corrupt(store, strategy, v1);

        TestTokens.asAdmin().post("/api/v1/models/{s}/{v}/activate", strategy, v2).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(v2));

        given().get("/api/v1/models/{s}/{v}", strategy, v2).then().body("status", equalTo("failed"))
                .body("status_message", notNullValue());
        given().get("/api/v1/models/{s}/{v}", strategy, v1).then().body("status", equalTo("active"));
        signals(strategy).then().statusCode(200).body("metadata.model_version", equalTo(v1));
    }

    @Test
    void reloadAnswersWhatChangedAndAFailedReloadIs409WithTheCause() {
        String strategy = RegisteredModels.strategy("reload");
        String v1 = RegisteredModels.trained(store, strategy, 1);
        store.activate(strategy, v1); // in the database only, as another replica would

        TestTokens.asAdmin().queryParam("strategy", strategy).post("/api/v1/model/reload").then().statusCode(200)
                .body("reloaded", equalTo(true)).body("version", equalTo(v1));
        TestTokens.asAdmin().queryParam("strategy", strategy).post("/api/v1/model/reload").then().statusCode(200)
                .body("reloaded", equalTo(false)).body("version", equalTo(v1))
                .body("message", containsString("already up to date"));

        String v2 = RegisteredModels.corrupt(store, strategy, v1);
        store.activate(strategy, v2);
        TestTokens.asAdmin().queryParam("strategy", strategy).post("/api/v1/model/reload").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("reload failed"))
                .body("detail", containsString(v2))
                .body("detail", containsString(v1 + " keeps serving"));
        signals(strategy).then().statusCode(200).body("metadata.model_version", equalTo(v1));
        given().queryParam("strategy", strategy).get("/api/v1/model/info").then()
                .body("version", equalTo(v1)).body("last_failure.version", equalTo(v2));
    }

    @Test
    void oneFlywayRunAtStartupCreatedTheOperationStoreAndTheRegistry() throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // versioned migrations only (the history also has a schema-creation marker row)
            try (ResultSet history = s.executeQuery("SELECT \"script\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (history.next()) {
                    applied.add(history.getString(1) + (history.getBoolean(2) ? "" : " (failed)"));
                }
            }
            s.executeQuery("SELECT COUNT(*) FROM operations").close();
            s.executeQuery("SELECT COUNT(*) FROM model_registry").close();
            s.executeQuery("SELECT COUNT(*) FROM settings_reload_event").close();
        }
        // one history: core's V1, V20-V22, V50-V52, V54, V55 (operation logs), V56 (replicas), V57 (search counts) and V58 (attempts),
        // the registry's V10, the settings history's V11,
        // the search back-fill V53 (a Java migration), by the same Flyway, once each
        assertThat(applied).containsExactly("db/migration/V1__operation_store.sql",
                "db/migration/V10__model_registry.sql", "db/migration/V11__settings_history.sql",
                "db/migration/V20__api_tokens.sql", "db/migration/V21__audit_log.sql",
                "db/migration/V22__idempotency_keys.sql", "db/migration/V50__operation_counts.sql",
                "db/migration/V51__list_indexes.sql", "db/migration/V52__operation_search.sql",
                "db.migration.V53__OperationSearchBackfill", "db/migration/V54__search_counts.sql",
                "db/migration/V55__operation_logs.sql", "db/migration/V56__replicas.sql",
                "db/migration/V57__search_counts_per_facet.sql", "db/migration/V58__operation_attempts.sql");
    }

    @Test
    void unknownModelsAre404() {
        given().get("/api/v1/models/nope/v1").then().statusCode(404).contentType("application/problem+json");
        TestTokens.asAdmin().post("/api/v1/models/nope/v1/activate").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessReportsTheModelCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("model loaded"));
    }

    private static io.restassured.response.Response signals(String strategy) {
        return given().contentType("application/json")
                .body(Map.of("symbols", List.of("AAPL", "MSFT"), "strategy", strategy))
                .post("/api/v1/signals/generate");
    }

    private static void badSignal(String body, String field) {
        given().contentType("application/json").body(body).post("/api/v1/signals/generate").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static JsonPath train(String strategy, boolean autoActivate) {
        String id = given().contentType("application/json")
                .body(Map.of("strategy", strategy, "symbols", List.of("AAPL", "MSFT"), "epochs", 2, "seed", 7,
                        "auto_activate", autoActivate, "new_strategy", true))
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/operations/{id}", id).jsonPath().getString("status").matches("completed|failed"));
        return given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                .body("status", equalTo("completed")).extract().jsonPath();
    }
}

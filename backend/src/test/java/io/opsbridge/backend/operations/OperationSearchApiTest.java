package io.opsbridge.backend.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/operations} searched as a client would: by symbol, strategy, id prefix and a
 * created-at range, with counts per status; bad values are 400s naming the parameter. The history is a
 * database fixture (the server stamps created_at, so yesterday cannot be made through the API).
 */
@QuarkusTest
class OperationSearchApiTest {

    @Inject
    OperationStore store;

    @Test
    void symbolStrategyIdPrefixAndDayNarrowTheListAndCountPerStatus() {
        String symbol = "SRCH" + letters();
        String strategy = "search_" + letters().toLowerCase(Locale.ROOT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant yesterday = now.minus(Duration.ofDays(1));
        String old = insert("op_training_search_" + symbol + "_1", yesterday, List.of(symbol), strategy);
        String recent = insert("op_training_search_" + symbol + "_2", now.minusSeconds(60), List.of(symbol, "MSFT"),
                strategy);
        insert("op_training_search_" + symbol + "_3", now.minusSeconds(30), List.of("MSFT"), strategy);
        store.update(recent, op -> SeededHistory.inStatus(op, OperationStatus.RUNNING, now));

        JsonPath bySymbol = list(Map.of("symbol", symbol.toLowerCase(Locale.ROOT)));
        assertThat(bySymbol.getList("operations.operation_id")).containsExactly(recent, old);
        assertThat(bySymbol.getLong("total")).isEqualTo(2);
        assertThat(bySymbol.getMap("counts")).containsEntry("pending", 1).containsEntry("running", 1)
                .containsEntry("completed", 0).containsEntry("failed", 0).containsEntry("cancelled", 0);

        JsonPath running = list(Map.of("symbol", symbol, "status", "running"));
        assertThat(running.getList("operations.operation_id")).containsExactly(recent);
        assertThat(running.getMap("counts")).isEqualTo(bySymbol.getMap("counts"));

        assertThat(list(Map.of("strategy", strategy)).getLong("total")).isEqualTo(3);
        assertThat(list(Map.of("id_prefix", "op_training_search_" + symbol)).getList("operations.operation_id"))
                .hasSize(3);
        JsonPath dayBefore = list(Map.of("strategy", strategy, "created_before", now.minus(Duration.ofHours(12)).toString()));
        assertThat(dayBefore.getList("operations.operation_id")).containsExactly(old);
        JsonPath today = list(Map.of("strategy", strategy, "created_after", now.minus(Duration.ofHours(12)).toString(),
                "sort", "oldest", "limit", "1", "offset", "1"));
        assertThat(today.getList("operations.operation_id")).containsExactly(insertedId(symbol, 3));
    }

    @Test
    void badSearchValuesAre400ProblemsNamingTheParameter() {
        for (String[] bad : new String[][] {{"created_after", "yesterday"}, {"created_before", "+1000000000-01-01T00:00:00Z"},
                {"sort", "sideways"}, {"symbol", "X".repeat(33)}, {"strategy", "s".repeat(65)},
                {"id_prefix", "o".repeat(129)}, {"limit", "501"}, {"offset", "-1"}}) {
            given().queryParam(bad[0], bad[1]).get("/api/v1/operations").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(bad[0])).body(not(containsString("java.")));
        }
        given().queryParam("created_after", "2026-12-07T00:00:00Z").queryParam("created_before", "2026-12-06T00:00:00Z")
                .get("/api/v1/operations").then().statusCode(400).body("field", equalTo("created_before"));
    }

    private String insert(String id, Instant createdAt, List<String> symbols, String strategy) {
        store.insert(OperationInfo.pending(id, OperationType.TRAINING,
                OperationMetadata.local(symbols, "1h", Map.of("strategy", strategy, "epochs", 2)), createdAt));
        return id;
    }

    private static String insertedId(String symbol, int n) {
        return "op_training_search_" + symbol + "_" + n;
    }

    private static JsonPath list(Map<String, String> query) {
        return given().queryParams(query).get("/api/v1/operations").then().statusCode(200).extract().jsonPath();
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}

package io.opsbridge.host.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.opsbridge.core.retention.RetentionService;
import io.opsbridge.core.store.JdbcOperationStore;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The host keeps its operations in its own database (an H2 file in production, in memory here), with
 * the tombstones of what its retention removed: such an operation answers 410 saying so, one the
 * host never ran 404, and a backend fails its record with the one reason or the other.
 */
@QuarkusTest
class HostOperationStoreTest {

    @Inject
    OperationStore store;

    @Inject
    RetentionService retention;

    @Test
    void theHostKeepsItsOperationsInItsDatabase() {
        assertThat(store).isInstanceOf(JdbcOperationStore.class);
    }

    @Test
    void anOperationTheHostsRetentionRemovedAnswers410AndOneItNeverRanAnswers404() {
        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":1,\"batch_size\":64,\"seed\":1}")
                .post("/training/start").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                "completed".equals(given().get("/api/v1/operations/{id}", id).jsonPath().getString("status")));

        assertThat(retention.apply(Duration.ZERO).deleted()).isGreaterThanOrEqualTo(1);

        // a copy read just before may be answered until the cache's TTL is over
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/operations/{id}", id).statusCode() == 410);
        given().get("/api/v1/operations/{id}", id).then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("deleted by retention"));
        given().get("/api/v1/operations/{id}", "host_training_never").then().statusCode(404)
                .contentType("application/problem+json");
    }
}

package io.opsbridge.backend.reload.broadcast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Without {@code quarkus.redis.hosts} (every other test): the broadcast is off, says why, and its endpoints answer. */
@QuarkusTest
class BroadcastOffTest {

    @Test
    void theReplicasViewListsOnlyThisReplicaWithTheBroadcastOff() {
        TestTokens.asAdmin().get("/api/v1/admin/replicas").then().statusCode(200)
                .body("broadcast.mode", equalTo("off"))
                .body("broadcast.reason", containsString("no quarkus.redis.hosts"))
                .body("total", equalTo(1))
                .body("replicas[0].state.subscriber_state", equalTo("off"));
    }

    @Test
    void anAdminBroadcastAnswers503AsAProblemThatSaysWhy() {
        TestTokens.asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"settings\"}").post("/api/v1/admin/broadcast").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("no quarkus.redis.hosts"));
    }

    @Test
    void anUnknownKindOrMalformedBodyIsA400Problem() {
        TestTokens.asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"coffee\"}").post("/api/v1/admin/broadcast").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("kind"));
        TestTokens.asAdmin().contentType(ContentType.JSON).body("{}").post("/api/v1/admin/broadcast").then()
                .statusCode(400).contentType("application/problem+json");
        TestTokens.asAdmin().contentType(ContentType.JSON).body("{\"kind\":").post("/api/v1/admin/broadcast").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void healthSaysTheBroadcastIsOffAndStaysUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'reload broadcast' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'reload broadcast' }.data.mode", equalTo("off"));
    }

    @Test
    void everyAnswerNamesTheServingModelVersion() {
        Response info = given().get("/api/v1/model/info");
        String version = info.jsonPath().getString("version");
        assertThat(info.header("X-OpsBridge-Model-Version")).isEqualTo(version == null ? "none" : version);
        assertThat(given().get("/q/health/ready").header("X-OpsBridge-Model-Version")).isNotBlank();
    }
}

package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes {@code operation_type} as what the wire carries: a string. */
@QuarkusTest
class OperationTypeSchemaTest {

    @Test
    void operationTypeIsAStringWireNameInTheOpenApiDocument() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();

        assertThat(doc.getString("components.schemas.OperationInfo.properties.operation_type.$ref"))
                .endsWith("/OperationType");
        assertThat(doc.getString("components.schemas.OperationType.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.OperationType.pattern")).isEqualTo("^[a-z][a-z0-9_]{0,31}$");
        assertThat(doc.getMap("components.schemas.OperationType")).doesNotContainKey("properties");
    }
}

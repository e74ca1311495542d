package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document of the packaged backend is one a client generator can use: tags by area,
 * summaries in words, the status codes the endpoints really answer with the problem schema, and
 * request examples; and the packaged app serves Swagger UI.
 */
class OpenApiDocumentIT {

    @TempDir
    static Path work;

    private static BackendProcess backend;
    private static JsonPath document;

    @BeforeAll
    static void startThePackagedBackend() throws Exception {
        backend = BackendProcess.start(work, "openapi", Map.of("opsbridge.data.sample-at-startup", "false"), Map.of());
        document = backend.http().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void everyEndpointIsTaggedByAreaAndSummarizedInWords() {
        assertThat(document.getList("tags.name", String.class))
                .contains("operations", "trainings", "data loads", "models", "signals", "admin");
        assertThat(post("/api/v1/trainings").getList("tags", String.class)).containsExactly("trainings");
        assertThat(post("/api/v1/data/loads").getList("tags", String.class)).containsExactly("data loads");
        assertThat(get("/api/v1/operations/{id}").getList("tags", String.class)).containsExactly("operations");
        assertThat(post("/api/v1/admin/retention").getList("tags", String.class)).containsExactly("admin");
        assertThat(post("/api/v1/trainings").getString("summary")).isEqualTo("Start a training (202 at once, follow it at Location)");
        assertThat(get("/api/v1/operations/{id}").getString("summary")).isEqualTo("Read one operation");
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            String summary = String.valueOf(((Map<?, ?>) operation).get("summary"));
            assertThat(summary).as(method + " " + path).contains(" ");
        }));
    }

    @Test
    void aStartIsDocumentedAs202WithLocationAndItsErrorsAsProblems() {
        JsonPath start = post("/api/v1/trainings");
        assertThat(start.getMap("responses").keySet()).contains("202", "400", "409", "429", "503").doesNotContain("200");
        assertThat(start.getString("responses.'202'.headers.Location.$ref")).isEqualTo("#/components/headers/Location");
        assertThat(start.getString("responses.'503'.$ref")).isEqualTo("#/components/responses/Unavailable");
        // examples are objects a client can send as they are, not JSON text in a string
        assertThat(start.getMap("requestBody.content.'application/json'.examples.example.value"))
                .containsKeys("symbols", "epochs");
        assertThat(post("/api/v1/data/loads").getMap("requestBody.content.'application/json'.examples.example.value"))
                .containsKey("start_date");

        assertThat(document.getString("components.responses.Unavailable.headers.'Retry-After'.$ref"))
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(document.getString("components.responses.NotFound.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.getMap("components.schemas.Problem.properties").keySet())
                .contains("type", "title", "status", "detail", "field");
        assertThat(get("/api/v1/operations/{id}").getMap("responses").keySet()).contains("200", "304", "400", "404", "410");
        assertThat(document.getMap("components.responses").keySet())
                .containsAll(List.of("BadRequest", "NotFound", "Conflict", "Gone", "TooManyRequests", "Unavailable"));
    }

    @Test
    void everyOperationHasItsOwnIdAndEveryGuardedOneNamesTheDefinedBearerScheme() {
        assertThat(document.getString("openapi")).isEqualTo("3.0.3");
        assertThat(document.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(document.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(post("/api/v1/trainings").getString("operationId")).isEqualTo("startTraining");
        assertThat(post("/api/v1/data/loads").getString("operationId")).isEqualTo("startDataLoad");
        assertThat(get("/api/v1/operations/{id}").getString("operationId")).isEqualTo("getOperation");
        for (String start : List.of("/api/v1/trainings", "/api/v1/data/loads")) {
            assertThat(post(start).getList("security.bearer")).as(start).hasSize(1);
            assertThat(post(start).getMap("responses").keySet()).as(start).contains("401", "403");
        }
        List<String> ids = new java.util.ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            Map<?, ?> op = (Map<?, ?>) operation;
            assertThat(op.get("operationId")).as(method + " " + path).isNotNull();
            ids.add(String.valueOf(op.get("operationId")));
            if (op.get("security") != null) {
                assertThat(String.valueOf(op.get("security"))).as(method + " " + path).isEqualTo("[{bearer=[]}]");
            }
        }));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void thePackagedAppServesSwaggerUi() {
        backend.http().get("/q/swagger-ui/").then().statusCode(200);
        backend.http().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
    }

    private static JsonPath post(String path) {
        return new JsonPath(document.prettify()).setRootPath("paths.'" + path + "'.post");
    }

    private static JsonPath get(String path) {
        return new JsonPath(document.prettify()).setRootPath("paths.'" + path + "'.get");
    }
}

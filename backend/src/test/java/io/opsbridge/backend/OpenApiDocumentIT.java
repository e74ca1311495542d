package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.data.DataHostProcess;
import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document of the packaged backend is one a client generator can use: tags by area,
 * summaries in words, the status codes the endpoints really answer with the problem schema, and
 * request examples; and the packaged app serves Swagger UI. The committed copy the generated client is built
 * from (contract/openapi/backend.json) is what the app serves, and the documents of the backend and both hosts
 * pass the Redocly linter (contract/package.json) with no error.
 */
class OpenApiDocumentIT {

    @TempDir
    static Path work;

    private static final Path CONTRACT = Path.of(System.getProperty("opsbridge.contract.dir", "../contract"));
    private static final Path SERVED = Path.of("target", "openapi");

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
            // guarded ones name the bearer scheme, open ones say so with an empty list
            assertThat(String.valueOf(op.get("security"))).as(method + " " + path).isIn("[{bearer=[]}]", "[]");
        }));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theCommittedDocumentTheClientIsGeneratedFromIsTheServedOne() throws IOException {
        String served = backend.http().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path copy = write("backend.json", served);
        ObjectMapper json = new ObjectMapper();
        JsonNode committed = json.readTree(CONTRACT.resolve("openapi/backend.json").toFile());
        assertThat(committed).as("contract/openapi/backend.json is not what the packaged backend serves at /q/openapi;"
                + " if the change is meant, take the served one: cp backend/" + copy + " contract/openapi/backend.json"
                + " (and rebuild, so the generated client follows)").isEqualTo(json.readTree(served));
    }

    @Test
    void theDocumentsOfTheBackendAndBothHostsLintWithoutErrors() throws Exception {
        List<Path> documents = new ArrayList<>();
        documents.add(write("backend.json", backend.http().queryParam("format", "json").get("/q/openapi").asString()));
        TrainingHostProcess trainingHost = new TrainingHostProcess();
        DataHostProcess dataHost = new DataHostProcess();
        try {
            trainingHost.start();
            documents.add(write("training-host.json", served(trainingHost.url())));
            String dataHostUrl = dataHost.start().get("opsbridge.data.routing.hosts").split(",")[0];
            documents.add(write("data-host.json", served(dataHostUrl)));
        } finally {
            trainingHost.stop();
            dataHost.stop();
        }
        List<String> command = new ArrayList<>(List.of("node",
                CONTRACT.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint", "--format=stylish"));
        documents.forEach(d -> command.add(d.toAbsolutePath().toString()));
        Path output = SERVED.resolve("lint.txt");
        ProcessBuilder lint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        lint.environment().put("NO_COLOR", "1");
        Process run = lint.start();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the linter ends").isTrue();
        String report = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as("Redocly lint of " + documents + " (npm ci in contract/ installs it):\n" + report)
                .isZero();
    }

    @Test
    void thePackagedAppServesSwaggerUi() {
        backend.http().get("/q/swagger-ui/").then().statusCode(200);
        backend.http().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
    }

    private static String served(String baseUrl) {
        return RestAssured.given().baseUri(baseUrl).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
    }

    private static Path write(String name, String text) throws IOException {
        Files.createDirectories(SERVED);
        return Files.writeString(SERVED.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonPath post(String path) {
        return new JsonPath(document.prettify()).setRootPath("paths.'" + path + "'.post");
    }

    private static JsonPath get(String path) {
        return new JsonPath(document.prettify()).setRootPath("paths.'" + path + "'.get");
    }
}

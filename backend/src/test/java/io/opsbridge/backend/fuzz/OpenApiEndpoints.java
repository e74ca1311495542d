package io.opsbridge.backend.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every operation out of the app's own OpenAPI document, so a new endpoint is fuzzed without a test change. */
final class OpenApiEndpoints {

    private OpenApiEndpoints() {
    }

    static List<Endpoint> of(JsonNode document) {
        List<Endpoint> endpoints = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            List<String> pathParams = new ArrayList<>();
            List<String> queryParams = new ArrayList<>();
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            op.getValue().path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(document, parameter);
                switch (p.path("in").asText()) {
                    case "path" -> pathParams.add(p.path("name").asText());
                    case "query" -> queryParams.add(p.path("name").asText());
                    default -> { }
                }
            }
            endpoints.add(new Endpoint(method, path.getKey(), pathParams, queryParams, bodyFields(document, op.getValue()),
                    example(document, op.getValue())));
        }));
        return endpoints;
    }

    private static Map<String, String> bodyFields(JsonNode document, JsonNode operation) {
        JsonNode content = resolve(document, operation.path("requestBody")).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode schema = resolve(document, content.path("application/json").path("schema"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode type = resolve(document, field.getValue());
            fields.put(field.getKey(), type.path("type").asText("object"));
        }
        return fields;
    }

    /** The first JSON example of the request body (RequestExamplesFilter writes it as JSON text), or {@code null}. */
    private static JsonNode example(JsonNode document, JsonNode operation) {
        JsonNode examples = resolve(document, operation.path("requestBody")).path("content").path("application/json")
                .path("examples");
        if (!examples.elements().hasNext()) {
            return null;
        }
        JsonNode value = resolve(document, examples.elements().next()).path("value");
        try {
            return value.isTextual() ? new ObjectMapper().readTree(value.asText()) : value.isObject() ? value : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document's example is not JSON: " + value, e);
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            JsonNode target = document;
            for (String part : current.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}

package io.opsbridge.backend.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid bodies changed a little: the OpenAPI document's request-body example as it is, or with one field dropped,
 * given another JSON type, or set to a boundary value (0, 1, -1, the largest int, an empty or one-letter string,
 * the first and last date, an empty, single or repeated array). Many still are valid, so the accept path (202 and
 * the work it starts) is fuzzed too, not only the refusals.
 */
final class ExampleMutations {

    /** A body and what was changed in it. */
    record Mutated(String body, String change) {
    }

    private enum Change { AS_IS, DROP, RETYPE, BOUNDARY }

    // weighted so that a good share stays valid
    private static final List<Change> CHANGES = List.of(Change.AS_IS, Change.AS_IS, Change.AS_IS, Change.DROP,
            Change.DROP, Change.RETYPE, Change.BOUNDARY, Change.BOUNDARY, Change.BOUNDARY);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;

    ExampleMutations(Random random) {
        this.random = random;
    }

    Mutated mutate(JsonNode example) {
        ObjectNode body = example.deepCopy();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        Change change = fields.isEmpty() ? Change.AS_IS : CHANGES.get(random.nextInt(CHANGES.size()));
        if (change == Change.AS_IS) {
            return new Mutated(body.toString(), "example as is");
        }
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode value = body.get(field);
        switch (change) {
            case DROP -> body.remove(field);
            case RETYPE -> body.set(field, retyped(value));
            default -> body.set(field, boundary(value));
        }
        String shown = change == Change.DROP ? "" : "=" + shortly(body.get(field).toString());
        return new Mutated(body.toString(), "example " + change.name().toLowerCase(java.util.Locale.ROOT) + " "
                + field + shown);
    }

    private JsonNode retyped(JsonNode value) {
        if (value.isNumber()) {
            return JSON.textNode(value.asText());
        }
        if (value.isArray()) {
            return value.isEmpty() ? JSON.textNode("") : value.get(0);
        }
        return random.nextBoolean() ? JSON.numberNode(1) : JSON.booleanNode(true);
    }

    private JsonNode boundary(JsonNode value) {
        if (value.isIntegralNumber()) {
            return pick(List.of(JSON.numberNode(0), JSON.numberNode(1), JSON.numberNode(-1),
                    JSON.numberNode(Integer.MAX_VALUE), JSON.numberNode(2)));
        }
        if (value.isNumber()) {
            return pick(List.of(JSON.numberNode(0.0), JSON.numberNode(1e-9), JSON.numberNode(1.0)));
        }
        if (value.isArray()) {
            ArrayNode repeated = JSON.arrayNode();
            for (int i = 0; i < 30 && !value.isEmpty(); i++) {
                repeated.add(value.get(0));
            }
            return pick(List.of(JSON.arrayNode(), value.isEmpty() ? JSON.arrayNode() : JSON.arrayNode().add(value.get(0)),
                    repeated));
        }
        String text = value.asText();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return JSON.textNode(pick(List.of("0001-01-01", "9999-12-31", "2024-02-29", "1970-01-01")));
        }
        return JSON.textNode(pick(List.of("", text.isEmpty() ? "a" : text.substring(0, 1), text.toUpperCase(
                java.util.Locale.ROOT), text + text)));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String shortly(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "...(" + value.length() + " chars)" : value;
    }
}

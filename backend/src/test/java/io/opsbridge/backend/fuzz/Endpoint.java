package io.opsbridge.backend.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One operation of the OpenAPI document: what a fuzz request may fill in.
 *
 * @param bodyFields the JSON body's top-level properties and their OpenAPI types; {@code null} without a JSON body
 * @param example the document's request-body example, a valid body; {@code null} if it has none
 */
record Endpoint(String method, String path, List<String> pathParams, List<String> queryParams,
        Map<String, String> bodyFields, JsonNode example) {

    boolean hasBody() {
        return bodyFields != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

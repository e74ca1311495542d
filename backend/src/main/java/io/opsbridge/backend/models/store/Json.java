package io.opsbridge.backend.models.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** The JSON text columns ({@code performance_metrics}, {@code config}). */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private Json() {
    }

    static String write(Map<String, Object> value) {
        try {
            return value == null ? null : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serializable: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readMap(String text) {
        try {
            return text == null ? null : MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed JSON in model_registry: " + e.getOriginalMessage(), e);
        }
    }
}

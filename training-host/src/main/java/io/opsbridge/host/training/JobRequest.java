package io.opsbridge.host.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.workloads.training.HostTrainingRequest;
import java.util.stream.Collectors;

/**
 * The training a one-job host runs, from {@link #VARIABLE}: the JSON body a backend would post to
 * {@code /training/start}, read by the application's (strict) mapper as that endpoint reads it.
 * Either the request, or why it is none, with the {@code checkpoint_key} it named if it named one
 * (so the refusal still lands where the backend looks for it).
 */
record JobRequest(HostTrainingRequest request, String refusal, String checkpointKey) {

    /** The environment variable that turns the one-job mode on and holds the request. */
    static final String VARIABLE = "OPSBRIDGE_JOB_REQUEST";

    static JobRequest parse(String json, ObjectMapper mapper) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return refused(VARIABLE + " is not JSON: " + e.getOriginalMessage(), null);
        }
        String key = tree != null && tree.path("checkpoint_key").isTextual() ? tree.get("checkpoint_key").asText()
                : null;
        if (tree == null || !tree.isObject()) {
            return refused(VARIABLE + " must be a JSON object (a training request)", key);
        }
        try {
            HostTrainingRequest request = mapper.treeToValue(tree, HostTrainingRequest.class);
            return new JobRequest(request, null, request.checkpointKey());
        } catch (JsonProcessingException e) {
            return refused(VARIABLE + ": " + describe(e), key);
        }
    }

    private static JobRequest refused(String why, String key) {
        return new JobRequest(null, why, key);
    }

    boolean refused() {
        return refusal != null;
    }

    /** Names the field, never a Java type: the message lands in the operation's error. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "invalid field '" + field + "'";
        }
        return "not a training request";
    }
}

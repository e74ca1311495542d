package io.opsbridge.workloads.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationStatus;

/**
 * A data host's answer to {@code POST /data/load}: follow the load at
 * {@code /api/v1/operations/{operation_id}}, where {@code operation_id} is {@code host_data_{session_id}}.
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataLoadStartResponse(String sessionId, String operationId, OperationStatus status) {

    /** The prefix of every operation id a data host makes. */
    public static final String HOST_OPERATION_PREFIX = "host_data_";

    /** The operation id a data host gives the session. */
    public static String hostOperationId(String sessionId) {
        return HOST_OPERATION_PREFIX + sessionId;
    }
}

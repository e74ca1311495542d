package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where to read more about an operation; {@code logs}: the path of its log ({@code GET}, read by cursor). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationLinks(String logs) {

    /** The links of the operation with this id. */
    public static OperationLinks of(String operationId) {
        return new OperationLinks("/api/v1/operations/" + operationId + "/logs");
    }
}

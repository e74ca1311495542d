package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One page of a listing: {@code total} matches the filter, {@code active_count} counts pending + running. */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationList(List<OperationInfo> operations, long total, long activeCount) {
}

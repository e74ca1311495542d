package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One page of a listing: {@code total} matches the filter, {@code active_count} counts every pending and
 * running operation (unfiltered), {@code counts} the filter's matches per status as if no status were asked for.
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationList(List<OperationInfo> operations, long total, long activeCount, StatusCounts counts) {

    /** A page whose {@code total} follows from the per-status counts and the query's status. */
    public static OperationList of(List<OperationInfo> page, OperationQuery query, long activeCount, StatusCounts counts) {
        return new OperationList(page, query.status() == null ? counts.sum() : counts.of(query.status()), activeCount,
                counts);
    }
}

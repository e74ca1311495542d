package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An operation's log lines after the client's cursor; ask again with {@code new_cursor} to get only
 * newer ones. The log keeps a bounded number of lines: a cursor older than the first line kept gets
 * that line first and, in {@code dropped}, how many lines between the cursor and it are gone.
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LogsResponse(String operationId, List<LogLine> lines, int newCursor, int dropped) {
}

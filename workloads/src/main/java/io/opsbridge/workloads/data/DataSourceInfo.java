package io.opsbridge.workloads.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One source a data load may name, as {@code GET /api/v1/data/sources} lists it.
 *
 * @param name        what a request's {@code source} says, e.g. {@code sample}
 * @param description one line on where its bars come from
 * @param directory   for {@code csv}: the directory on the server it reads; null otherwise
 * @param files       for {@code csv}: the files it has, e.g. {@code AAPL_1h.csv}; null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSourceInfo(String name, String description, String directory, List<String> files) {
}

package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One line of an operation's log: its position ({@code seq}, 0 for the first line the operation
 * wrote), when it was written, its level ({@code debug}, {@code info}, {@code warn}, {@code error})
 * and its text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LogLine(int seq, Instant at, String level, String message) {
}

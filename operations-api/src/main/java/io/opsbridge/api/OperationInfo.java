package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * Everything a client learns about an operation; the wire shape of DESIGN.md.
 * Immutable: every change makes a new value with a higher {@code version}. Only the operations
 * core's lifecycle makes a record in another status.
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationInfo(
        String operationId,
        OperationType operationType,
        OperationStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        OperationProgress progress,
        OperationMetadata metadata,
        Map<String, Object> resultSummary,
        String errorMessage,
        int metricsCount,
        long version,
        OperationAttempts attempts) {

    public OperationInfo {
        attempts = attempts == null ? OperationAttempts.NONE : attempts;
    }

    /** A record without attempts (one that never started, or from a peer that does not count them). */
    public OperationInfo(String operationId, OperationType operationType, OperationStatus status, Instant createdAt,
            Instant startedAt, Instant updatedAt, Instant completedAt, OperationProgress progress,
            OperationMetadata metadata, Map<String, Object> resultSummary, String errorMessage, int metricsCount,
            long version) {
        this(operationId, operationType, status, createdAt, startedAt, updatedAt, completedAt, progress, metadata,
                resultSummary, errorMessage, metricsCount, version, OperationAttempts.NONE);
    }

    /**
     * Where to read more: a failed operation names its log ({@code links.logs}), so a client that
     * sees the failure knows where "why" is; absent (null) for every other status. Derived, not stored.
     */
    @JsonProperty(value = "links", access = JsonProperty.Access.READ_ONLY)
    public OperationLinks links() {
        return status == OperationStatus.FAILED ? OperationLinks.of(operationId) : null;
    }

    /** A new pending operation. */
    public static OperationInfo pending(String id, OperationType type, OperationMetadata metadata, Instant now) {
        return new OperationInfo(id, type, OperationStatus.PENDING, now, null, now, null,
                OperationProgress.none(), metadata, null, null, 0, 1);
    }

    public OperationInfo withProgress(OperationProgress newProgress, int newMetricsCount, Instant now) {
        return new OperationInfo(operationId, operationType, status, createdAt, startedAt, now, completedAt,
                newProgress, metadata, resultSummary, errorMessage, newMetricsCount, version + 1, attempts);
    }

    public OperationInfo withResult(Map<String, Object> summary) {
        return new OperationInfo(operationId, operationType, status, createdAt, startedAt, updatedAt, completedAt,
                progress, metadata, summary, errorMessage, metricsCount, version, attempts);
    }

    public OperationInfo withError(String error) {
        return new OperationInfo(operationId, operationType, status, createdAt, startedAt, updatedAt, completedAt,
                progress, metadata, resultSummary, error, metricsCount, version, attempts);
    }

    /** The same record placed elsewhere ({@code newMetadata}: e.g. a new Kubernetes Job); the version is the caller's business. */
    public OperationInfo withMetadata(OperationMetadata newMetadata) {
        return new OperationInfo(operationId, operationType, status, createdAt, startedAt, updatedAt, completedAt,
                progress, newMetadata, resultSummary, errorMessage, metricsCount, version, attempts);
    }

    /** The same record with these attempts (the version is the caller's business: a resume bumps it with its status change). */
    public OperationInfo withAttempts(OperationAttempts newAttempts) {
        return new OperationInfo(operationId, operationType, status, createdAt, startedAt, updatedAt, completedAt,
                progress, metadata, resultSummary, errorMessage, metricsCount, version, newAttempts);
    }
}

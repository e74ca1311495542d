package io.opsbridge.api;


/** A listing filter; null fields match everything. Newest operations come first. */
public record OperationQuery(OperationStatus status, OperationType type, int limit, int offset) {

    public static final int MAX_LIMIT = 500;

    public OperationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative, was " + offset);
        }
    }

    public boolean matches(OperationInfo info) {
        return (status == null || status == info.status()) && (type == null || type.equals(info.operationType()));
    }
}

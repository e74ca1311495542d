package io.opsbridge.server.operations;

import io.opsbridge.api.OperationInfo;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/** Builds the answers that carry an {@link OperationInfo}, with the headers clients rely on. */
public final class OperationResponses {

    static final String RETRY_AFTER = "Retry-After";

    private OperationResponses() {
    }

    /** 200 with the operation; while it is not finished, {@code Retry-After} says when asking again can pay off. */
    public static Response ok(OperationInfo info, Duration cacheTtl) {
        Response.ResponseBuilder response = Response.ok(info);
        if (!info.status().isTerminal()) {
            response.header(RETRY_AFTER, retryAfterSeconds(cacheTtl));
        }
        return response.build();
    }

    /** 202 for work that was started (or found again by its Idempotency-Key), pointing at where to follow it. */
    public static Response accepted(OperationInfo info, Duration cacheTtl) {
        return accepted(info, info.operationId(), cacheTtl);
    }

    /** 202 with any body (e.g. a host's start answer) for the operation {@code operationId}. */
    public static Response accepted(Object body, String operationId, Duration cacheTtl) {
        return Response.accepted(body)
                .location(URI.create("/api/v1/operations/" + operationId))
                .header(RETRY_AFTER, retryAfterSeconds(cacheTtl))
                .build();
    }

    static long retryAfterSeconds(Duration cacheTtl) {
        long millis = cacheTtl.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}

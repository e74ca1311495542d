package io.opsbridge.server.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param actor        {@code token:<id>} or {@code anonymous}
 * @param role         the token's own role, null for an anonymous caller
 * @param action       the route, e.g. {@code POST /api/v1/models/{strategy}/{version}/activate}
 * @param target       the path actually called
 * @param paramsDigest SHA-256 of the query string, so equal calls can be matched without storing values
 * @param outcome      {@code ok}, {@code rejected} (4xx), {@code unauthenticated} (401), {@code forbidden} (403), {@code error} (5xx)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(Instant at, String actor, String role, String action, String target, String paramsDigest,
        String outcome, int status, String remoteAddress, String requestId) {

    /** The outcome a status stands for. */
    public static String outcomeOf(int status) {
        if (status == 401) {
            return "unauthenticated";
        }
        if (status == 403) {
            return "forbidden";
        }
        return status >= 500 ? "error" : status >= 400 ? "rejected" : "ok";
    }
}

package io.opsbridge.server.operations;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of long-poll and conditional reads: parses {@code wait}, {@code since_version} and
 * {@code If-None-Match}, and answers with the operation's {@code ETag} (its version) or a 304.
 */
final class LongPoll {

    /** Longer waits are cut to this, so proxies and load balancers never see an idle minute. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Pattern WAIT = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private LongPoll() {
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m} or plain seconds; absent means no wait. */
    static Duration waitParam(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Matcher m = WAIT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidRequestException("wait", "must be a duration like 30s, 500ms or 2m, was '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration wait = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** The version to wait past: {@code since_version}, else the one named by {@code If-None-Match}, else null. */
    static Long sinceVersion(String sinceVersion, String ifNoneMatch) {
        if (sinceVersion != null && !sinceVersion.isBlank()) {
            try {
                long version = Long.parseLong(sinceVersion.trim());
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new InvalidRequestException("since_version", "must be a non-negative integer, was '" + sinceVersion + "'");
        }
        return EntityTags.newestVersion(ifNoneMatch);
    }

    /**
     * 304 if the client already has this version (RFC 9110: {@code *}, a list, weak tags), else 200 with the
     * operation's JSON bytes rendered once for this version; both carry the ETag, the Cache-Control and, while it
     * runs, the Retry-After. A client may keep a running operation's answer as long as the server's cache would
     * (the TTL); a finished one it revalidates every time, since a failed training can still be resumed.
     */
    static Response answer(OperationBodies.Body body, String ifNoneMatch, Duration cacheTtl) {
        OperationInfo info = body.info();
        boolean running = !info.status().isTerminal();
        Response.ResponseBuilder response = EntityTags.anyMatches(ifNoneMatch, info.version()) ? Response.notModified()
                : Response.ok(body.json(), MediaType.APPLICATION_JSON_TYPE);
        response.header(HttpHeaders.ETAG, body.etag()).header(HttpHeaders.CACHE_CONTROL, running
                ? "private, max-age=" + OperationResponses.retryAfterSeconds(cacheTtl) : "private, no-cache");
        if (running) {
            response.header(OperationResponses.RETRY_AFTER, OperationResponses.retryAfterSeconds(cacheTtl));
        }
        return response.build();
    }
}

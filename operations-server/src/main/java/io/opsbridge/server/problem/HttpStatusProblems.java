package io.opsbridge.server.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The problems of the HTTP statuses the framework answers for us ({@code http-<status>}): one title per status,
 * whoever answers (an exception mapper or {@link HttpLayerProblems}), and details in HTTP's terms, never the
 * framework's: a 406 names the {@code Accept} asked for and what the API answers with, a 415 the body's type and
 * what it reads, a 405 the methods the path allows (also as {@code Allow}, RFC 9110 section 15.5.6).
 */
final class HttpStatusProblems {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad request", 404, "Not found", 405, "Method not allowed", 406, "Not acceptable",
            413, "Request body too large", 414, "URI too long", 415, "Unsupported media type",
            431, "Request headers too large");
    /** What every endpoint of the API reads and answers with (errors: application/problem+json). */
    private static final String JSON = MediaType.APPLICATION_JSON;

    private HttpStatusProblems() {
    }

    /** The one title of {@code http-<status>}. */
    static String title(int status) {
        return TITLES.getOrDefault(status, status < 500 ? "Client error" : "Server error");
    }

    /** The problem for a status the framework raised while answering {@code request}. */
    static ProblemAnswer of(WebApplicationException e, HttpServerRequest request) {
        int status = wrongMethod(e.getResponse().getStatus(), request) ? 405 : e.getResponse().getStatus();
        ProblemAnswer problem = ProblemAnswer.of(status, "http-" + status, title(status));
        return switch (status) {
            case 405 -> {
                String allowed = String.join(", ", AllowedMethods.of(request.path()));
                allowed = allowed.isEmpty() ? "OPTIONS" : allowed;
                yield problem.detail(request.method().name() + " is not allowed on this path; it allows " + allowed)
                        .header("Allow", allowed);
            }
            case 406 -> problem.detail("the Accept header asks for " + quoted(request.getHeader("Accept"))
                    + "; this endpoint answers with " + JSON);
            case 415 -> problem.detail("the request body is " + quoted(request.getHeader("Content-Type"))
                    + "; this endpoint reads " + JSON);
            default -> problem.detail(title(status).toLowerCase(Locale.ROOT));
        };
    }

    /**
     * A 404 of the framework for a path that another resource class serves with other methods (e.g. {@code GET} of
     * {@code /api/v1/operations/{id}/cancel}): it matched the class by its root path first and found no method, but
     * the path exists, so the answer is a 405 that names what it allows.
     */
    private static boolean wrongMethod(int status, HttpServerRequest request) {
        if (status != 404) {
            return false;
        }
        Set<String> allowed = AllowedMethods.of(request.path());
        return !allowed.isEmpty() && !allowed.contains(request.method().name());
    }

    private static String quoted(String header) {
        if (header == null || header.isBlank()) {
            return "nothing";
        }
        String value = header.length() <= 100 ? header : header.substring(0, 100) + "...";
        return "'" + value + "'";
    }
}

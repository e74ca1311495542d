package io.opsbridge.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A server's refusal as one line: {@code 400 Invalid request: epochs must be positive (field epochs)}. */
final class ProblemLine {

    private ProblemLine() {
    }

    static String of(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode problem = parseQuietly(response.body());
        if (problem != null && problem.hasNonNull("title")) {
            StringBuilder line = new StringBuilder().append(status).append(' ').append(problem.get("title").asText());
            String detail = CliHints.asCommands(problem.path("detail").asText(""));
            if (detail.matches("HTTP \\d{3}.*")) {
                // a framework default (e.g. "HTTP 404 Not Found") says nothing the title does not
                detail = status == 404 ? "this server has no " + request.method() + " " + request.uri().getPath()
                        : "";
            }
            if (!detail.isBlank()) {
                line.append(": ").append(detail.replaceAll("\\s+", " ").trim());
            }
            String field = problem.path("field").asText("");
            if (!field.isBlank() && !detail.contains(field)) {
                line.append(" (field ").append(field).append(')');
            }
            if (status == 401 || status == 403) {
                line.append(". Log in with a token that may do this: opsbridge login --url URL --token TOKEN");
            }
            return line.toString();
        }
        String call = request.method() + " " + request.uri().getPath();
        return status == 404 ? "404 Not Found: this server has no " + call + " (is it an older version?)"
                : "HTTP " + status + " from " + call;
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : HttpCalls.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package io.opsbridge.server.problem;

import io.opsbridge.api.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place an error answer is made: the {@code application/problem+json} body (RFC 9457), its
 * {@code urn:opsbridge:problem:} type and the headers that go with it. The exception mappers answer
 * with {@link #response()}, the HTTP layer's own handlers ({@link HttpLayerProblems}) with
 * {@link #send}, so both say the same thing the same way.
 *
 * <pre>{@code
 * return ProblemAnswer.of(429, "rate-limited", "Too many requests").detail(e.getMessage()).retryAfter(2).response();
 * }</pre>
 */
public final class ProblemAnswer {

    /** Every problem type is this prefix and a short name ({@code invalid-request}, {@code not-found}...). */
    public static final String TYPE_PREFIX = "urn:opsbridge:problem:";

    // A safety net under every detail: a Java type name (java.util.ArrayList) tells a client nothing
    // and an attacker which libraries we run.
    private static final Pattern JAVA_TYPE = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*`?");

    private final int status;
    private final String type;
    private final String title;
    private String detail;
    private String field;
    private final List<Map.Entry<String, Object>> headers = new ArrayList<>(2);

    private ProblemAnswer(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** A problem of {@code status}, named {@code type} (without the prefix) and titled for a person. */
    public static ProblemAnswer of(int status, String type, String title) {
        return new ProblemAnswer(status, type, title);
    }

    /** What went wrong this time, in the client's terms; any Java type name in it is replaced. */
    public ProblemAnswer detail(String text) {
        this.detail = withoutJavaTypes(text);
        return this;
    }

    /** The request field (or parameter) at fault. */
    public ProblemAnswer field(String name) {
        this.field = name;
        return this;
    }

    /** A header sent with the answer ({@code WWW-Authenticate}, {@code Allow}...); a repeated name adds a value. */
    public ProblemAnswer header(String name, Object value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** {@code Retry-After} in whole seconds, at least one. */
    public ProblemAnswer retryAfter(long seconds) {
        return header("Retry-After", Math.max(1, seconds));
    }

    /** The body alone. */
    public Problem body() {
        return new Problem(TYPE_PREFIX + type, title, status, detail, field);
    }

    /** The answer of an exception mapper or a request filter. */
    public Response response() {
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE).entity(body());
        headers.forEach(h -> answer.header(h.getKey(), h.getValue()));
        return answer.build();
    }

    /** The answer written straight to Vert.x, for handlers that run before any resource. */
    public void send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(h -> response.headers().add(h.getKey(), String.valueOf(h.getValue())));
        response.end(Json.encode(body()));
    }

    /** {@code text} with every fully qualified Java type name replaced by "a value". */
    public static String withoutJavaTypes(String text) {
        return text == null ? null : JAVA_TYPE.matcher(text).replaceAll("a value");
    }
}

package io.opsbridge.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationResults;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The CLI's only way to the server: the public HTTP API ({@code /api/v1/...}) over the JDK HTTP client.
 * Every failure becomes an {@link ApiException} (the server said no) or a
 * {@link ServerUnreachableException} (nobody answered at the URL).
 *
 * <pre>{@code
 * var client = new OpsBridgeClient(URI.create("http://localhost:8080"));
 * OperationInfo op = client.operation("op_training_...").value();
 * }</pre>
 */
public class OpsBridgeClient {

    /** Shared by every command: snake_case comes from the DTO annotations, unknown fields are tolerated. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    private final URI base;
    private final HttpClient http;
    private final String token;

    public OpsBridgeClient(URI base) {
        this(base, Optional.empty());
    }

    /** A client that sends {@code Authorization: Bearer <token>} when a token is given. */
    public OpsBridgeClient(URI base, Optional<String> token) {
        this.token = token.orElse(null);
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI baseUrl() {
        return base;
    }

    /** {@code POST /api/v1/trainings}; the body is the training request in wire (snake_case) names. */
    public OperationInfo startTraining(Map<String, Object> request, String idempotencyKey) {
        return post("/api/v1/trainings", request, idempotencyKey, OperationInfo.class);
    }

    /** {@code POST /api/v1/data/loads}. */
    public OperationInfo startDataLoad(Map<String, Object> request) {
        return post("/api/v1/data/loads", request, null, OperationInfo.class);
    }

    /** {@code GET /api/v1/data/sources}: {@code {"default": "sample", "sources": [{"name", "description", "files"}]}}. */
    public JsonNode dataSources() {
        return read(send(request("/api/v1/data/sources").GET().build()), JsonNode.class);
    }

    /** {@code GET /api/v1/operations/{id}} with the server's Retry-After hint. */
    public Polled<OperationInfo> operation(String id) {
        return operation(id, -1);
    }

    /**
     * The operation, asking the server to hold the answer until its version passes {@code sinceVersion}
     * (long-poll, {@code wait=30s&since_version=N}); a server without long-poll ignores both and answers at once.
     */
    public Polled<OperationInfo> operation(String id, long sinceVersion) {
        String query = sinceVersion < 0 ? "" : "?wait=30s&since_version=" + sinceVersion;
        HttpResponse<String> response = send(request("/api/v1/operations/" + encode(id) + query)
                .timeout(Duration.ofSeconds(60)).GET().build());
        Duration retryAfter = response.headers().firstValue("Retry-After")
                .flatMap(OpsBridgeClient::seconds).orElse(DEFAULT_RETRY);
        return new Polled<>(read(response, OperationInfo.class), retryAfter);
    }

    /** {@code GET /api/v1/operations?status=&operation_type=&limit=&offset=}; null filters are left out. */
    public OperationList list(String status, String type, int limit, int offset) {
        StringJoiner query = new StringJoiner("&", "?", "");
        if (status != null) {
            query.add("status=" + encode(status));
        }
        if (type != null) {
            query.add("operation_type=" + encode(type));
        }
        query.add("limit=" + limit).add("offset=" + offset);
        return read(send(request("/api/v1/operations" + query).GET().build()), OperationList.class);
    }

    /** {@code GET /api/v1/operations/{id}/metrics?cursor=n}: the metrics after the cursor and the next cursor. */
    public MetricsResponse metrics(String id, int cursor) {
        return read(send(request("/api/v1/operations/" + encode(id) + "/metrics?cursor=" + cursor).GET().build()),
                MetricsResponse.class);
    }

    /** {@code POST /api/v1/operations/{id}/cancel} (idempotent). */
    public OperationInfo cancel(String id) {
        return read(send(request("/api/v1/operations/" + encode(id) + "/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()).build()), OperationInfo.class);
    }

    /** {@code GET /api/v1/operations/{id}/results}. */
    public OperationResults results(String id) {
        return read(send(request("/api/v1/operations/" + encode(id) + "/results").GET().build()),
                OperationResults.class);
    }

    /** {@code GET /api/v1/models[?strategy=]}: {@code {"models": [{"strategy_name", "version", "status", ...}]}}. */
    public JsonNode models(String strategy) {
        String query = strategy == null ? "" : "?strategy=" + encode(strategy);
        return read(send(request("/api/v1/models" + query).GET().build()), JsonNode.class);
    }

    /** {@code POST /api/v1/models/{strategy}/{version}/activate}: loads, smoke-tests and serves that version. */
    public JsonNode activateModel(String strategy, String version) {
        return read(send(request("/api/v1/models/" + encode(strategy) + "/" + encode(version) + "/activate")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build()), JsonNode.class);
    }

    /** {@code GET /api/v1/admin/settings}: the runtime settings in force and the last rejected reload. */
    public JsonNode settings() {
        return read(send(request("/api/v1/admin/settings").GET().build()), JsonNode.class);
    }

    /** {@code POST /api/v1/admin/settings/reload[?dry_run=true]}: the outcome, versions, diff and errors. */
    public JsonNode reloadSettings(boolean dryRun) {
        return read(send(request("/api/v1/admin/settings/reload" + (dryRun ? "?dry_run=true" : ""))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), JsonNode.class);
    }

    /** {@code GET /api/v1/admin/settings/history?limit=n}: the last reloads, newest first, and their stats. */
    public JsonNode settingsHistory(int limit) {
        return read(send(request("/api/v1/admin/settings/history?limit=" + limit).GET().build()), JsonNode.class);
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return read(send(builder.build()), type);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** {@code GET path} as a JSON tree (the admin commands print what the server says). */
    public JsonNode getJson(String path) {
        return read(send(request(path).GET().build()), JsonNode.class);
    }

    /** {@code POST path} with a JSON body (null: none) as a JSON tree. */
    public JsonNode postJson(String path, Object body) {
        HttpRequest.Builder builder = request(path);
        builder = body == null ? builder.POST(HttpRequest.BodyPublishers.noBody())
                : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        return read(send(builder.build()), JsonNode.class);
    }

    /** {@code DELETE path} as a JSON tree. */
    public JsonNode deleteJson(String path) {
        return read(send(request(path).DELETE().build()), JsonNode.class);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), describeError(request, response));
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + base, e);
        } catch (IOException | UnresolvedAddressException e) {
            throw new ServerUnreachableException(describeUnreachable(e), e);
        }
    }

    private String describeUnreachable(Exception e) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            why = "connection refused";
        } else if (e instanceof UnresolvedAddressException || e.getCause() instanceof UnresolvedAddressException) {
            why = "unknown host";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "cannot reach the OpsBridge server at " + base + " (" + why
                + "); is it running? Set the address with --url or OPSBRIDGE_URL";
    }

    /** One line: {@code 400 Invalid request: epochs must be positive (field epochs)}. */
    static String describeError(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode problem = parseQuietly(response.body());
        if (problem != null && problem.hasNonNull("title")) {
            StringBuilder line = new StringBuilder().append(status).append(' ').append(problem.get("title").asText());
            String detail = problem.path("detail").asText("");
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
            return line.toString();
        }
        String call = request.method() + " " + request.uri().getPath();
        return status == 404 ? "404 Not Found: this server has no " + call + " (is it an older version?)"
                : "HTTP " + status + " from " + call;
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ApiException(response.statusCode(), "the server's answer is not the expected JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code value} as one URL path or query segment. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

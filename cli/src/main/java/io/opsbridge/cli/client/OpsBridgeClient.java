package io.opsbridge.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationResults;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The CLI's calls for work: start trainings and data loads, follow and cancel operations, models
 * ({@code /api/v1/...}); the admin calls are {@link #admin()}. Failures are {@link HttpCalls}'s: an
 * {@link ApiException} (the server said no) or a {@link ServerUnreachableException} (nobody answered).
 *
 * <pre>{@code
 * var client = new OpsBridgeClient(URI.create("http://localhost:8080"));
 * OperationInfo op = client.operation("op_training_...").value();
 * }</pre>
 */
public class OpsBridgeClient {

    /** Shared by every command: snake_case comes from the DTO annotations, unknown fields are tolerated. */
    public static final ObjectMapper JSON = HttpCalls.JSON;

    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    private final HttpCalls http;

    public OpsBridgeClient(URI base) {
        this(base, Optional.empty());
    }

    /** A client that sends {@code Authorization: Bearer <token>} when a token is given. */
    public OpsBridgeClient(URI base, Optional<String> token) {
        this.http = new HttpCalls(base, token);
    }

    public URI baseUrl() {
        return http.base();
    }

    /** The admin endpoints (settings, replicas, hosts, tokens, audit) with the same address and token. */
    public AdminClient admin() {
        return new AdminClient(http);
    }

    /** {@code POST /api/v1/trainings}; the body is the training request in wire (snake_case) names. */
    public OperationInfo startTraining(Map<String, Object> request, String idempotencyKey) {
        HttpRequest.Builder builder = http.post("/api/v1/trainings", request);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return http.call(builder.build(), OperationInfo.class);
    }

    /** {@code POST /api/v1/data/loads}. */
    public OperationInfo startDataLoad(Map<String, Object> request) {
        return http.call(http.post("/api/v1/data/loads", request).build(), OperationInfo.class);
    }

    /** {@code GET /api/v1/data/sources}: {@code {"default": "sample", "sources": [{"name", "description", "files"}]}}. */
    public JsonNode dataSources() {
        return http.call(http.request("/api/v1/data/sources").GET().build(), JsonNode.class);
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
        HttpResponse<String> response = http.send(http.request("/api/v1/operations/" + encode(id) + query)
                .timeout(Duration.ofSeconds(60)).GET().build());
        Duration retryAfter = response.headers().firstValue("Retry-After")
                .flatMap(HttpCalls::seconds).orElse(DEFAULT_RETRY);
        return new Polled<>(HttpCalls.read(response, OperationInfo.class), retryAfter);
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
        return http.call(http.request("/api/v1/operations" + query).GET().build(), OperationList.class);
    }

    /** {@code GET /api/v1/operations/{id}/metrics?cursor=n}: the metrics after the cursor and the next cursor. */
    public MetricsResponse metrics(String id, int cursor) {
        return http.call(http.request("/api/v1/operations/" + encode(id) + "/metrics?cursor=" + cursor).GET().build(),
                MetricsResponse.class);
    }

    /** {@code GET /api/v1/operations/{id}/logs?cursor=n}: the log lines after the cursor and the next cursor. */
    public LogsResponse logs(String id, int cursor) {
        return http.call(http.request("/api/v1/operations/" + encode(id) + "/logs?cursor=" + cursor).GET().build(),
                LogsResponse.class);
    }

    /** {@code POST /api/v1/operations/{id}/cancel} (idempotent). */
    public OperationInfo cancel(String id) {
        return http.call(http.request("/api/v1/operations/" + encode(id) + "/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), OperationInfo.class);
    }

    /** {@code POST /api/v1/operations/{id}/resume}: a failed training runs again from its last checkpoint. */
    public OperationInfo resume(String id) {
        return http.call(http.request("/api/v1/operations/" + encode(id) + "/resume")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), OperationInfo.class);
    }

    /** {@code GET /api/v1/operations/{id}/results}. */
    public OperationResults results(String id) {
        return http.call(http.request("/api/v1/operations/" + encode(id) + "/results").GET().build(),
                OperationResults.class);
    }

    /** {@code GET /api/v1/models[?strategy=]}: {@code {"models": [{"strategy_name", "version", "status", ...}]}}. */
    public JsonNode models(String strategy) {
        String query = strategy == null ? "" : "?strategy=" + encode(strategy);
        return http.call(http.request("/api/v1/models" + query).GET().build(), JsonNode.class);
    }

    /** {@code POST /api/v1/models/{strategy}/{version}/activate}: loads, smoke-tests and serves that version. */
    public JsonNode activateModel(String strategy, String version) {
        return http.call(http.request("/api/v1/models/" + encode(strategy) + "/" + encode(version) + "/activate")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build(), JsonNode.class);
    }

    /** {@code value} as one URL path or query segment. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

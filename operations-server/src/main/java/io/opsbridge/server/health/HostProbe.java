package io.opsbridge.server.health;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.core.monitoring.HostStates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks one worker host for its readiness ({@code GET /q/health/ready}): an answer, 200 or 503,
 * means reachable; no connection or no answer in time means unreachable. Its reachability is
 * recorded in {@link HostStates}; the last error there stays the one a real call to the host met,
 * since the probe's own is in its result.
 */
public final class HostProbe {

    /**
     * What one probe found; {@code error} is null when the host answered 200; {@code capacity} is the
     * data of the host's own "worker capacity" readiness check (running, threads, queued,
     * queue_capacity, accepting_work), empty if it did not say.
     */
    public record Result(String host, boolean reachable, int status, String error, Map<String, Object> capacity) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final HostStates states;
    private final Duration connectTimeout;

    /** One client for every probe: keep the probe, as each client has its own selector thread. */
    public HostProbe(HostStates states, Duration connectTimeout) {
        this.states = states;
        this.connectTimeout = connectTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** The connect timeout this probe's client was built with. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Probes {@code host} (a base URL without trailing slash), answering within {@code timeout}. */
    public CompletableFuture<Result> probe(String host, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + "/q/health/ready")).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> answer.statusCode() == 200
                        ? new Result(host, true, 200, null, capacity(answer.body()))
                        : new Result(host, true, answer.statusCode(), "its readiness answered " + answer.statusCode(),
                                capacity(answer.body())))
                .exceptionally(e -> new Result(host, false, 0, describe(e), Map.of()))
                .thenApply(result -> {
                    states.record(host, result.reachable(), null);
                    return result;
                });
    }

    /** The "worker capacity" check's data in a readiness answer ({@code {"checks": [{"name", "data"}]}}). */
    private static Map<String, Object> capacity(String body) {
        try {
            JsonNode checks = JSON.readTree(body).path("checks");
            for (JsonNode check : checks) {
                if ("worker capacity".equals(check.path("name").asText())) {
                    return JSON.convertValue(check.path("data"), new TypeReference<Map<String, Object>>() { });
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a health answer: nothing known of its capacity
        }
        return Map.of();
    }

    private static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
            }
            if (message == null && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return "cannot connect" + (message == null ? "" : " (" + message + ")");
    }
}

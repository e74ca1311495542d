package io.opsbridge.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.Operations;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch loop against a scripted stub server (JDK HttpServer on a free port). */
class OperationWatcherTest {

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyMetricReachesTheViewOnceAndMetricsAreAskedOnlyWhenTheCountGrows() throws Exception {
        List<OperationInfo> states = List.of(
                Operations.training("op_1", OperationStatus.RUNNING, 10, 1, 3, 0, 2),
                Operations.training("op_1", OperationStatus.RUNNING, 40, 2, 3, 1, 4),
                Operations.training("op_1", OperationStatus.RUNNING, 45, 2, 3, 1, 5),
                Operations.training("op_1", OperationStatus.COMPLETED, 100, 3, 3, 3, 9));
        List<Map<String, Object>> metrics = List.of(Operations.epoch(1), Operations.epoch(2), Operations.epoch(3));
        int[] next = {0};
        start(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/metrics")) {
                int cursor = Integer.parseInt(exchange.getRequestURI().getQuery().replace("cursor=", ""));
                int known = states.get(Math.max(0, next[0] - 1)).metricsCount();
                respond(exchange, new MetricsResponse("op_1", metrics.subList(cursor, known), known));
            } else {
                exchange.getResponseHeaders().add("Retry-After", "0");
                respond(exchange, states.get(Math.min(next[0]++, states.size() - 1)));
            }
        });
        List<Map<String, Object>> seen = new ArrayList<>();
        List<Double> percentages = new ArrayList<>();
        ProgressView view = new ProgressView() {
            @Override
            public void update(OperationInfo op) {
                percentages.add(op.progress().percentage());
            }

            @Override
            public void metric(Map<String, Object> metric) {
                seen.add(metric);
            }

            @Override
            public void close() {
            }
        };

        OperationInfo last = new OperationWatcher(client(), view).watch("op_1");

        assertThat(last.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(seen).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        assertThat(percentages).containsExactly(10.0, 40.0, 45.0, 100.0);
        assertThat(requests).containsExactly(
                "/api/v1/operations/op_1",
                "/api/v1/operations/op_1?wait=30s&since_version=2",
                "/api/v1/operations/op_1/metrics?cursor=0",
                "/api/v1/operations/op_1?wait=30s&since_version=4",
                "/api/v1/operations/op_1?wait=30s&since_version=5",
                "/api/v1/operations/op_1/metrics?cursor=1");
    }

    @Test
    void aResumeIsSaidOnceAsALineAndTheSameViewGoesOn() throws Exception {
        OperationInfo first = Operations.training("op_1", OperationStatus.RUNNING, 20, 2, 10, 0, 2);
        OperationAttempts two = OperationAttempts.NONE
                .plus(new OperationAttempt(1, first.createdAt(), OperationAttempt.REPLICA, "node-a", 0, null))
                .plus(new OperationAttempt(2, first.createdAt(), OperationAttempt.REPLICA, "node-a", 2,
                        "interrupted: process restarted"));
        List<OperationInfo> states = List.of(first.withAttempts(OperationAttempts.NONE.plus(two.items().get(0))),
                Operations.training("op_1", OperationStatus.RUNNING, 30, 3, 10, 0, 3).withAttempts(two),
                Operations.training("op_1", OperationStatus.COMPLETED, 100, 10, 10, 0, 4).withAttempts(two));
        int[] next = {0};
        start(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "0");
            respond(exchange, states.get(Math.min(next[0]++, states.size() - 1)));
        });
        List<String> lines = new ArrayList<>();
        int[] updates = {0};
        ProgressView view = new ProgressView() {
            @Override
            public void update(OperationInfo op) {
                updates[0]++;
            }

            @Override
            public void metric(Map<String, Object> metric) {
            }

            @Override
            public void resumed(OperationInfo op) {
                lines.add(ProgressView.resumedLine(op));
            }

            @Override
            public void close() {
            }
        };

        new OperationWatcher(client(), view).watch("op_1");

        assertThat(lines).containsExactly(
                "↻ resumed from epoch 2 (attempt 2) after: interrupted: process restarted");
        assertThat(updates[0]).as("one view, updated at every state").isEqualTo(3);
    }

    private void start(ThrowingHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            handler.handle(exchange);
        });
        server.start();
    }

    private OpsBridgeClient client() {
        return new OpsBridgeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    static void respond(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = OpsBridgeClient.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    interface ThrowingHandler {
        void handle(HttpExchange exchange) throws IOException;
    }
}

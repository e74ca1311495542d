package io.opsbridge.backend.hosts;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A training host in this JVM that accepts every {@code POST /training/start} (a real HTTP server
 * on a random port), and the backend's routing pointed at it under the key named by the
 * {@code key} init argument, so a test proves that key; {@code default-mode-key} also sets the
 * default mode to {@code host} under that key.
 */
public class FakeTrainingHost implements QuarkusTestResourceLifecycleManager {

    private final AtomicInteger sessions = new AtomicInteger();
    private final Map<String, String> args = new HashMap<>();
    private HttpServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        args.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/training/start", exchange -> {
            String session = "fake" + sessions.incrementAndGet();
            byte[] body = ("{\"session_id\":\"" + session + "\",\"operation_id\":\"host_training_" + session
                    + "\",\"status\":\"pending\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Map<String, String> config = new HashMap<>(Map.of(args.get("key"), url()));
        if (args.containsKey("default-mode-key")) {
            config.put(args.get("default-mode-key"), "host");
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}

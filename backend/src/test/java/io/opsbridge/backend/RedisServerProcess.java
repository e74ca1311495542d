package io.opsbridge.backend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test's own {@code redis-server} on a free port, without persistence, that the test may stop and
 * start again on the same port; the shared Redis on 6379 is never touched. {@link #cli} runs
 * {@code redis-cli} against it, as an operator would.
 */
final class RedisServerProcess implements AutoCloseable {

    final int port;
    private Process server;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    static RedisServerProcess start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServerProcess redis = new RedisServerProcess(port);
        redis.startAgain();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    void startAgain() throws IOException {
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                return "PONG".equals(cli("PING"));
            } catch (IllegalStateException e) {
                return false;
            }
        });
    }

    /** Stops the server at once (SIGKILL: every client connection drops as in a crash). */
    void stop() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    /** {@code redis-cli -p <port> args...}: its output, trimmed. */
    String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0 || out.startsWith("Could not connect")) {
                throw new IllegalStateException("redis-cli " + args[0] + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("redis-cli not runnable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            stop();
        }
    }
}

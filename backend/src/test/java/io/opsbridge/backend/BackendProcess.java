package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged backend ({@code target/quarkus-app/quarkus-run.jar}) as a real process on a free
 * port, for end-to-end tests of restarts and replicas. Every process a test starts, it stops.
 */
final class BackendProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private BackendProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar with {@code work} as its data directory (H2 file, market data, models) plus
     * the given system properties and environment; returns once it is ready.
     */
    static BackendProcess start(Path work, String name, Map<String, String> properties, Map<String, String> env)
            throws IOException {
        return start(work, name, properties, env, List.of());
    }

    /**
     * {@link #start} as {@code nohup} would: SIGHUP is ignored before the JVM starts
     * ({@code trap '' HUP; exec java …}), and the JVM inherits that.
     */
    static BackendProcess startWithHangupIgnored(Path work, String name, Map<String, String> properties)
            throws IOException {
        return start(work, name, properties, Map.of(), List.of("sh", "-c", "trap '' HUP; exec \"$0\" \"$@\""));
    }

    /** {@link #start} on a given port: a replica restarted where a load balancer expects it. */
    static BackendProcess startOn(int port, Path work, String name, Map<String, String> properties,
            Map<String, String> env) throws IOException {
        return start(port, work, name, properties, env, List.of());
    }

    private static BackendProcess start(Path work, String name, Map<String, String> properties,
            Map<String, String> env, List<String> prefix) throws IOException {
        return start(freePort(), work, name, properties, env, prefix);
    }

    private static BackendProcess start(int port, Path work, String name, Map<String, String> properties,
            Map<String, String> env, List<String> prefix) throws IOException {
        Files.createDirectories(work);
        String jar = System.getProperty("opsbridge.it.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a test's short-lived process: C1 only and the serial collector get it ready on about half the
                // CPU the defaults take on 2 cores, and train the small MLP faster too (no C2 compiling meanwhile)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx512m", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dquarkus.http.port=" + port,
                "-Dopsbridge.data-dir=" + work.resolve("data"),
                "-Dopsbridge.training.data-dir=" + work.resolve("market"),
                "-Dopsbridge.training.models-dir=" + work.resolve("models"),
                // a known admin token (admin() sends it), generous admin limits for tests that reload often
                "-Dopsbridge.security.admin-token=" + TestTokens.ADMIN,
                "-Dopsbridge.security.rate-limit.admin.burst=10000"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar);
        Path log = work.resolve(name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        BackendProcess backend = new BackendProcess(builder.start(), log, port);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(backend::isReady);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("backend did not start; log:\n" + backend.logText(), e);
        }
        return backend;
    }

    RequestSpecification http() {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    /** {@link #http()} with the admin token, for the admin endpoints. */
    RequestSpecification admin() {
        return http().auth().oauth2(TestTokens.ADMIN);
    }

    /** The backend's process id: the java process that listens on {@link #port}. */
    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no flush, nothing graceful. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code kill -HUP <pid>}: asks the process to reload its runtime settings. */
    void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException("backend exited with " + process.exitValue());
        }
        try {
            return http().get("/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // connection refused until it listens
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.opsbridge.backend;

import static io.restassured.RestAssured.given;

import io.opsbridge.testsupport.PackagedProcess;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged backend ({@code target/quarkus-app/quarkus-run.jar}) as a real process on a free
 * port, for end-to-end tests of restarts and replicas. Every process a test starts, it stops.
 */
final class BackendProcess implements AutoCloseable {

    private final PackagedProcess process;
    final int port;

    private BackendProcess(PackagedProcess process) {
        this.process = process;
        this.port = process.port();
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
        List<String> options = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dopsbridge.data-dir=" + work.resolve("data"),
                "-Dopsbridge.training.data-dir=" + work.resolve("market"),
                "-Dopsbridge.training.models-dir=" + work.resolve("models"),
                // a known admin token (admin() sends it), generous admin limits for tests that reload often
                "-Dopsbridge.security.admin-token=" + TestTokens.ADMIN,
                "-Dopsbridge.security.rate-limit.admin.burst=10000"));
        properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(PackagedProcess.javaCommand("512m", options,
                Path.of(System.getProperty("opsbridge.it.jar", "target/quarkus-app/quarkus-run.jar"))));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        PackagedProcess process = PackagedProcess.spawn(builder, port,
                work.resolve(name + "-" + System.nanoTime() + ".log"));
        try {
            process.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            process.close();
            throw new IllegalStateException("backend did not start; log:\n" + process.logText(), e);
        }
        return new BackendProcess(process);
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
        return process.process().pid();
    }

    /** kill -9: no shutdown hook, no flush, nothing graceful. */
    void killHard() {
        process.kill();
    }

    /** {@code kill -HUP <pid>}: asks the process to reload its runtime settings. */
    void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -HUP " + pid() + " failed");
        }
    }

    String logText() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }

    static int freePort() {
        return PackagedProcess.freePort();
    }
}

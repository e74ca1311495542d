package io.opsbridge.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One packaged app of this build ({@code target/quarkus-app/quarkus-run.jar}) running as a real
 * process on a port of its own, for the tests that go between processes: the backend's replicas, a
 * training or data host, a Kubernetes pod played by a host. What they all share is
 * here: a free port, the java command, readiness as {@code /q/health/ready} answers it, and a stop
 * that asks first (SIGTERM) and kills only a process that does not end.
 */
public final class PackagedProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code java … -jar jar} with this JVM's java, {@code heap} as its maximum heap, and the flags of a
     * test's short-lived process: C1 only and the serial collector get it ready on about half the CPU the
     * defaults take on 2 cores, and train the small MLPs faster too (no C2 compiling meanwhile); DJL
     * offline (the PyTorch library is in the build) with one thread. {@code options} go before {@code -jar}.
     */
    public static List<String> javaCommand(String heap, List<String> options, Path jar) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    /**
     * Starts {@code builder} (which must make the app listen on {@code port}) with its output appended to
     * {@code log}; returns at once: {@link #awaitReady} waits for it.
     */
    public static PackagedProcess spawn(ProcessBuilder builder, int port, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new PackagedProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** Waits until the app answers ready; fails (naming its log) if it exits or is not ready {@code within}. */
    public PackagedProcess awaitReady(Duration within) {
        if (!awaitReadyOrExit(within)) {
            throw new IllegalStateException("the process exited with " + process.exitValue() + "; see " + log);
        }
        return this;
    }

    /**
     * Waits until the app answers ready (true) or its process has ended (false: an app that ends at once
     * on bad input, say); fails, naming its log, if neither happens {@code within}.
     */
    public boolean awaitReadyOrExit(Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> !process.isAlive() || ready());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("not ready within " + within + ": " + url() + "; see " + log, e);
        }
        return process.isAlive();
    }

    /** One readiness probe: does {@code /q/health/ready} answer 200 now? */
    public boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) { // refused until it listens
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** The log so far, for a failure message. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Process process() {
        return process;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no flush, nothing graceful, as a crash. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an operator or a node stops it; killed if it has not ended after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(STOP_GRACE);
    }
}

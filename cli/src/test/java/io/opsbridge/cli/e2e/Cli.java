package io.opsbridge.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI ({@code target/opsbridge-cli.jar}) as its own process, the way a person runs
 * {@code ./opsbridge}: stdout and stderr are pipes, so the CLI prints plain lines instead of a bar.
 */
final class Cli {

    private static final Path JAR = Path.of(System.getProperty("opsbridge.cli.jar", "target/opsbridge-cli.jar"));

    private Cli() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    /** A CLI run that is still going (for following and interrupting it). */
    record Running(Process process, Output stdout, Output stderr) {
        /** What the CLI printed on stdout up to now. */
        String stdoutSoFar() {
            return stdout.soFar();
        }

        Result await() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the CLI did not finish in time");
            }
            return new Result(process.exitValue(), stdout.get(5, TimeUnit.SECONDS), stderr.get(5, TimeUnit.SECONDS));
        }
    }

    /** A line of {@code -o json} output as a tree. */
    static JsonNode json(String line) {
        try {
            return OpsBridgeClient.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(String... args) throws Exception {
        return start(Map.of(), args).await();
    }

    static Result runWithEnv(Map<String, String> env, String... args) throws Exception {
        return start(env, args).await();
    }

    /** The command line that runs the packaged CLI with {@code args}. */
    static List<String> command(String... args) {
        // the same JVM flags as the ./opsbridge launcher: a short-lived client starts faster with them
        List<String> command = new ArrayList<>(List.of(RunningBackend.javaBinary(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The environment of every run: no address and no saved login from the machine's user; the admin
     * token the test backend wrote at first start as {@code OPSBRIDGE_TOKEN}, as an admin would export it
     * (a test of least privilege sets it empty).
     */
    static void environment(Map<String, String> environment) throws IOException {
        environment.remove("OPSBRIDGE_URL");
        environment.put("OPSBRIDGE_CONFIG", RunningBackend.adminTokenFile().resolveSibling("no-saved-login.json").toString());
        environment.put("OPSBRIDGE_TOKEN", Files.readString(RunningBackend.adminTokenFile()).trim());
    }

    static Running start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        environment(builder.environment());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Running(process, collect(process.getInputStream()), collect(process.getErrorStream()));
    }

    private static Output collect(InputStream in) {
        Output output = new Output();
        Thread reader = new Thread(() -> output.readFrom(in), "cli-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /** A stream read as it arrives; {@link #get} waits for its end. */
    static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<String> done = new CompletableFuture<>();

        void readFrom(InputStream in) {
            char[] buffer = new char[4096];
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    text.append(buffer, 0, n);
                }
                done.complete(text.toString());
            } catch (IOException e) {
                done.completeExceptionally(new UncheckedIOException(e));
            }
        }

        String soFar() {
            return text.toString();
        }

        String get(long timeout, TimeUnit unit) throws Exception {
            return done.get(timeout, unit);
        }
    }
}

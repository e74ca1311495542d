package io.opsbridge.cli.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real backend ({@code backend/target/quarkus-app/quarkus-run.jar}, built earlier in the same
 * reactor) as a separate process on a free port chosen by the OS ({@code quarkus.http.port=0}; the
 * port is read from its "Listening on" line). One process serves every test class of the run and is
 * stopped when the run ends. Its files (sample data, models, log) stay under {@code target/e2e}.
 */
public final class RunningBackend implements ExtensionContext.Store.CloseableResource {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final String url;
    private final Path workDir;

    private RunningBackend(Process process, String url, Path workDir) {
        this.process = process;
        this.url = url;
        this.workDir = workDir;
    }

    /** {@code http://localhost:PORT} */
    public String url() {
        return url;
    }

    /** The backend's market data directory, where tests may drop extra CSV files. */
    public Path marketData() {
        return workDir.resolve("market");
    }

    /** The csv source's directory (the backend's default {@code data/sources} under its working directory). */
    public Path csvSources() {
        return workDir.resolve("data/sources");
    }

    /** The backend's runtime settings file (its default path, under the working directory). */
    public Path settingsFile() {
        return workDir.resolve("config").resolve("opsbridge-runtime.properties");
    }

    /** Where the backend writes its first admin token ({@code data/admin-token} under its working directory). */
    static Path adminTokenFile() {
        return Path.of(System.getProperty("opsbridge.cli.workdir", "target/e2e")).toAbsolutePath()
                .resolve("data/admin-token");
    }

    static RunningBackend start() throws Exception {
        Path app = Path.of(System.getProperty("opsbridge.backend.app", "../backend/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build the backend first (./mvnw -B verify builds it"
                    + " before this module)");
        }
        Path workDir = Path.of(System.getProperty("opsbridge.cli.workdir", "target/e2e")).toAbsolutePath();
        Files.createDirectories(workDir);
        Path log = workDir.resolve("backend.log");
        Process process = new ProcessBuilder(List.of(
                // as the backend's ITs start it: C1 only and the serial collector for a test's short-lived process
                javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                "-Dopsbridge.operations.cache-ttl=200ms",
                // the CLI's reloads are admin calls; a file watch would apply a test's file before its dry run
                // (the watch itself is tested in the backend's SettingsWatchAndSignalIT)
                "-Dopsbridge.settings.watch=false",
                "-Dopsbridge.training.data-dir=" + workDir.resolve("market"),
                "-Dopsbridge.training.models-dir=" + workDir.resolve("models"),
                "-jar", app.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpOutput(process, log, port), "backend-log");
        pump.setDaemon(true);
        pump.start();
        try {
            int p = port.get(90, TimeUnit.SECONDS);
            return new RunningBackend(process, "http://localhost:" + p, workDir);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the backend did not start; see " + log, e);
        }
    }

    private static void pumpOutput(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
            port.completeExceptionally(new IllegalStateException("backend exited with " + process.waitFor()));
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts the backend once per test run and hands it to test classes as a parameter. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            backend(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningBackend.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return backend(context);
        }

        private static RunningBackend backend(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(RunningBackend.class, key -> {
                        try {
                            return start();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, RunningBackend.class);
        }
    }
}

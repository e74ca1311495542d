package io.opsbridge.backend.hosts;

import io.opsbridge.testsupport.PackagedProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A REAL training host: the packaged {@code training-host} app started with {@code java -jar} on a
 * free random port, its log (with the HTTP access log) in a file, and the backend pointed at it.
 * It reads the backend's datasets ({@link #SHARED_DATASETS}) and writes models to a directory of its own.
 * Stopped with the test; a test may also {@link #kill()} it to play a crashed host, and {@link #restart()} it on
 * the same port and data directory (its operations live in an H2 file there).
 */
public class TrainingHostProcess implements QuarkusTestResourceLifecycleManager {

    /** Marks a test field that receives the running {@link TrainingHostProcess}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    /**
     * The backend's dataset store in tests ({@code %test.opsbridge.training.data-dir}), which the host
     * reads too: the shared-directory setup docs/hosts.md describes, so a backend data load reaches it.
     */
    public static final Path SHARED_DATASETS = Path.of("target", "test-data", "market");

    /** Init argument: the host's {@code opsbridge.host.token}, given to the backend as {@code opsbridge.proxy.token}. */
    public static final String HOST_TOKEN = "host-token";

    private PackagedProcess process;
    private int port;
    private String url;
    private Path dir;
    private Path log;
    private String hostToken;
    private Path market = SHARED_DATASETS;
    private Path models;

    /**
     * A host started now, outside Quarkus' test resources, reading the datasets in {@code market} and
     * keeping models and checkpoints in {@code models}: directories it shares with other hosts and a
     * backend, as docs/hosts.md describes for a training that resumes on another host. {@link #stop()} ends it.
     */
    public static TrainingHostProcess sharing(Path market, Path models) {
        return startingSharing(market, models).awaitReady();
    }

    /**
     * {@link #sharing} without waiting for the host to be ready: its {@link #url()} is known at once, so
     * a backend pointed at it (and other hosts) can start meanwhile; {@link #awaitReady()} waits for it.
     */
    public static TrainingHostProcess startingSharing(Path market, Path models) {
        TrainingHostProcess host = new TrainingHostProcess();
        host.market = market.toAbsolutePath();
        host.models = models.toAbsolutePath();
        host.place();
        host.spawn();
        return host;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        hostToken = initArgs.get(HOST_TOKEN);
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(jar())) {
            throw new IllegalStateException(jar().toAbsolutePath() + " is missing: build training-host first "
                    + "(./mvnw -B verify builds it before the backend)");
        }
        place();
        launch();
        Map<String, String> backend = new java.util.HashMap<>(Map.of("opsbridge.training.hosts", url + "/",
                "opsbridge.proxy.connect-timeout", "500ms",
                // generous: the first start on a fresh host JVM on a busy 2-core machine can take seconds
                "opsbridge.proxy.read-timeout", "15s",
                "opsbridge.operations.cache-ttl", "200ms"));
        if (hostToken != null) {
            backend.put("opsbridge.proxy.token", hostToken);
        }
        return backend;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(Inject.class, TrainingHostProcess.class));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
        }
    }

    /** The host's base URL, without a trailing slash. */
    public String url() {
        return url;
    }

    /** Kills the host at once (SIGKILL), as a crash would. */
    public void kill() {
        process.kill();
    }

    /** How many requests the host has answered on a path containing {@code pathPart}, from its access log. */
    public long requestsTo(String pathPart) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("\"GET " + pathPart) || l.contains("\"POST " + pathPart)).count();
        }
    }

    /**
     * Starts the host again on the same port and data directory, as an operator restarts it: what it
     * stored (its H2 file under {@code opsbridge.data-dir}) is what it knows afterwards. Stops it first
     * (SIGTERM) if it still runs; {@link #kill()} first plays a crash instead.
     */
    public void restart() {
        stop();
        launch();
    }

    /** A free port, and the URL and directory that go with it. */
    private void place() {
        port = PackagedProcess.freePort();
        url = "http://localhost:" + port;
        dir = Path.of("target", "e2e-training-host-" + port);
    }

    private void launch() {
        spawn();
        awaitReady();
    }

    private void spawn() {
        List<String> options = new java.util.ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.access-log.enabled=true",
                "-Dopsbridge.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "-Dopsbridge.training.data-dir=" + market.toAbsolutePath(),
                "-Dopsbridge.training.models-dir=" + (models == null ? dir.resolve("models") : models),
                "-Dopsbridge.operations.cache-ttl=200ms"));
        if (hostToken != null) {
            options.add("-Dopsbridge.host.token=" + hostToken);
        }
        log = dir.resolve("host.log");
        process = PackagedProcess.spawn(new ProcessBuilder(PackagedProcess.javaCommand("384m", options, jar())), port, log);
    }

    /** Waits until the host started by {@link #startingSharing} answers ready; returns it. */
    public TrainingHostProcess awaitReady() {
        process.awaitReady(Duration.ofSeconds(90));
        return this;
    }

    private static Path jar() {
        return Path.of(System.getProperty("training-host.jar", "../training-host/target/quarkus-app/quarkus-run.jar"));
    }
}

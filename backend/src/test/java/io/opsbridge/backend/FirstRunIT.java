package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.testsupport.PackagedProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first run. The packaged backend starts as on a fresh install (no admin token given,
 * the sample data loaded at startup) and trains: its log has no library's warning (a GPU probe on the
 * CPU build, Flyway's verified-versions list), and the paths it prints are clean. Then {@code ./run.sh} where a backend already runs: it says so, says
 * what to do, exits non-zero and starts nothing. The script runs as a copy in a directory of its own
 * (with no {@code mvnw} beside it, so a check that let it through would fail on the build, not start
 * a backend against this checkout).
 */
class FirstRunIT {

    @TempDir
    static Path work;

    private static BackendProcess backend;

    @BeforeAll
    static void startThePackagedBackend() throws Exception {
        // no admin token given, as on a fresh install; "/./" in the data directory as "./data" gives run.sh's backend
        backend = BackendProcess.start(work.resolve("backend"), "first-run", Map.of("opsbridge.security.admin-token", "",
                "opsbridge.data-dir", work.resolve("backend") + "/./data"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aFirstRunLogsNoLibraryWarningAndPrintsItsPathsClean() {
        String id = backend.http().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":1,\"seed\":1}")
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "completed"
                .equals(backend.http().get("/api/v1/operations/" + id).then().extract().path("status")));

        // our own warnings (a slow read on a loaded machine, say) tell a user something; a library's did not
        String log = backend.logText();
        assertThat(log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .filter(line -> !line.contains(" [i.o."))).isEmpty();
        assertThat(log).contains("wrote it to " + work.resolve("backend/data/admin-token") + " (mode 0600)")
                .contains("written to " + work.resolve("backend/data/backend.pid"));
    }

    @Test
    void aBackendOnThePortIsNamedWithHowToUseOrStopItAndNoSecondOneStarts() throws Exception {
        Path checkout = copyOfRunScript("on-port");

        Result run = runScript(checkout, backend.port);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output)
                .contains("an OpsBridge backend already serves on http://localhost:" + backend.port)
                .contains("./opsbridge --url http://localhost:" + backend.port + " ops list")
                .contains("stop it:  kill " + backend.pid() + ", then ./run.sh again")
                .contains("OPSBRIDGE_PORT=")
                .doesNotContain("building", "starting the backend");
        assertThat(checkout.resolve("data")).doesNotExist();
        backend.http().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anotherProgramOnThePortIsSaidAndAnotherPortSuggested() throws Exception {
        Path checkout = copyOfRunScript("other-program");
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Result run = runScript(checkout, other.getLocalPort());

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output).contains("port " + other.getLocalPort() + " is in use by another program")
                    .contains("OPSBRIDGE_PORT=").doesNotContain("building", "starting the backend");
        }
        assertThat(checkout.resolve("data")).doesNotExist();
    }

    @Test
    void theBackendOfThisDirectoryOnAnotherPortHoldsItsDatabaseSoNoSecondOneStarts() throws Exception {
        Path checkout = copyOfRunScript("same-directory");
        Files.createDirectories(checkout.resolve("data"));
        Files.writeString(checkout.resolve("data/backend.pid"), backend.pid() + "\n");

        Result run = runScript(checkout, PackagedProcess.freePort());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output)
                .contains("the backend started from this directory still runs (pid " + backend.pid()
                        + ", on http://localhost:" + backend.port + ")")
                .contains("stop it:  kill " + backend.pid() + ", then ./run.sh again")
                .doesNotContain("building", "starting the backend");
        assertThat(checkout.resolve("data/backend.pid")).hasContent(backend.pid() + "");
    }

    private static Path copyOfRunScript(String name) throws IOException {
        Path checkout = Files.createDirectories(work.resolve(name));
        Path script = checkout.resolve("run.sh");
        Files.copy(Path.of("../run.sh"), script);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return checkout;
    }

    private static Result runScript(Path checkout, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("run.sh").toString())
                .directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().put("OPSBRIDGE_PORT", Integer.toString(port));
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}

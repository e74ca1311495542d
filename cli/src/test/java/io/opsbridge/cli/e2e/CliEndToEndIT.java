package io.opsbridge.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged {@code opsbridge} CLI, run as a process against a really running backend process. */
@ExtendWith(RunningBackend.Extension.class)
class CliEndToEndIT {

    private static final Pattern STARTED = Pattern.compile("started training (op_training_\\S+) ");

    static String url;
    static OpsBridgeClient api;

    @BeforeAll
    static void backend(RunningBackend backend) throws IOException {
        url = backend.url();
        api = new OpsBridgeClient(URI.create(url));
        Files.writeString(backend.marketData().resolve("BROKEN_1h.csv"),
                "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,100\nnot,a,row\n");
        Files.createDirectories(backend.csvSources());
        Files.writeString(backend.csvSources().resolve("GOODCSV_1h.csv"),
                "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,100\n"
                        + "2024-01-01T01:00:00Z,1,2,0.5,1.5,100\n");
        Files.writeString(backend.csvSources().resolve("BADCSV_1h.csv"),
                "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,100\n2024-01-01T01:00:00Z,1\n");
    }

    @Test
    void aLoadWhereOneSymbolFailsEndsWithItsReasonAndExitCodeSix() throws Exception {
        Cli.Result load = Cli.run("--url", url, "data", "load", "--symbols", "GOODCSV,BADCSV", "--source", "csv",
                "--watch", "--plain");
        assertThat(load.exitCode()).as(load.stdout() + load.stderr()).isEqualTo(ExitCodes.COMPLETED_WITH_WARNINGS);
        assertThat(load.stdout()).contains("COMPLETED WITH WARNINGS op_data_loading_")
                .contains("  warning: BADCSV not loaded: BADCSV_1h.csv line 3: expected 6 columns, found 2");

        String id = load.stdout().replaceAll("(?s).*started data_loading (op_data_loading_\\S+) .*", "$1");
        Cli.Result get = Cli.run("--url", url, "ops", "get", id);
        assertThat(get.stdout()).containsPattern("status\\s+completed with 1 warning")
                .containsPattern("warning\\s+BADCSV not loaded: ");
        Cli.Result watch = Cli.run("--url", url, "ops", "watch", id, "--plain");
        assertThat(watch.exitCode()).isEqualTo(ExitCodes.COMPLETED_WITH_WARNINGS);
        assertThat(Cli.run("--help").stdout()).containsPattern("(?m)^  6 +the watched operation completed with warnings")
                .containsPattern("--url=URL +Server address \\(env OPSBRIDGE_URL\\); default: the");
    }

    @Test
    void trainWithWatchFollowsTheJobToCompletionPrintsEachEpochOnceAndExitsZero() throws Exception {
        Cli.Result run = Cli.run("--url", url, "train", "--symbols", "AAPL,MSFT", "--timeframe", "1h",
                "--epochs", "3", "--seed", "1", "--watch");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.stdoutLines();
        assertThat(lines.get(0)).matches("started training op_training_\\S+ \\((pending|running)\\)");
        assertThat(lines).filteredOn(l -> l.startsWith("  epoch "))
                .extracting(l -> l.substring(0, l.indexOf(':')).trim())
                .containsExactly("epoch 1", "epoch 2", "epoch 3");
        assertThat(lines).anyMatch(l -> l.startsWith("[completed] 100.0%  Epoch 3/3"));
        String id = idFrom(run);
        assertThat(lines).anyMatch(l -> l.matches("completed " + id + " in \\d+\\.\\ds \\(Epoch 3/3, 3 metrics\\)"));
        int summary = lines.indexOf(lines.stream().filter(l -> l.startsWith("completed ")).findFirst().orElseThrow());
        assertThat(String.join(" ", lines.subList(summary + 1, lines.size())))
                .contains("epochs_completed=3").contains("final_val_accuracy=");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void jsonOutputParsesAsTheApiObjects() throws Exception {
        Cli.Result train = Cli.run("--url", url, "-o", "json", "train", "--symbols", "AAPL", "--epochs", "2", "--watch");
        assertThat(train.exitCode()).as(train.stderr()).isZero();
        OperationInfo done = OpsBridgeClient.JSON.readValue(train.stdout(), OperationInfo.class);
        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.metricsCount()).isEqualTo(2);
        assertThat(done.resultSummary()).containsKey("final_val_accuracy");

        Cli.Result get = Cli.run("--url", url, "ops", "get", done.operationId(), "--output", "json");
        assertThat(OpsBridgeClient.JSON.readValue(get.stdout(), OperationInfo.class).operationId())
                .isEqualTo(done.operationId());

        Cli.Result list = Cli.run("--url", url, "ops", "list", "--status", "completed", "-o", "json");
        OperationList operations = OpsBridgeClient.JSON.readValue(list.stdout(), OperationList.class);
        assertThat(operations.operations()).extracting(OperationInfo::operationId).contains(done.operationId());

        Cli.Result metrics = Cli.run("--url", url, "-o", "json", "ops", "metrics", done.operationId());
        assertThat(metrics.stdoutLines()).hasSize(2);
        List<Integer> epochs = metrics.stdoutLines().stream().map(Cli::json).map(m -> m.get("epoch").asInt()).toList();
        assertThat(epochs).containsExactly(1, 2);
    }

    @Test
    void opsListGetMetricsShowAnOperationToPeople() throws Exception {
        String id = idFrom(Cli.run("--url", url, "train", "--symbols", "GOOG", "--epochs", "2", "--watch"));

        Cli.Result list = Cli.run("--url", url, "ops", "list");
        assertThat(list.stdoutLines().get(0)).startsWith("OPERATION").contains("STATUS", "PROGRESS", "DURATION");
        assertThat(list.stdout()).containsPattern(Pattern.quote(id) + "\\s+completed\\s+100\\.0%\\s+\\d");
        assertThat(list.stdoutLines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        Cli.Result wide = Cli.run("--url", url, "-o", "wide", "ops", "list");
        assertThat(wide.stdout()).containsPattern(Pattern.quote(id) + "\\s+training\\s+completed\\s+100\\.0%\\s+Epoch 2/2");

        Cli.Result get = Cli.run("--url", url, "ops", "get", id);
        assertThat(get.stdout()).containsPattern("status\\s+completed").containsPattern("step\\s+Epoch 2/2")
                .containsPattern("result\\.epochs_completed\\s+2");

        Cli.Result follow = Cli.run("--url", url, "ops", "metrics", id, "--follow");
        assertThat(follow.exitCode()).isZero();
        assertThat(follow.stdoutLines()).extracting(l -> l.substring(0, l.indexOf(':')))
                .containsExactly("epoch 1", "epoch 2");
    }

    @Test
    void ctrlCStopsWatchingNotTheJobAndACancelledJobExitsNonZero() throws Exception {
        OperationInfo started = api.startTraining(
                Map.of("symbols", List.of("AAPL"), "epochs", 500, "batch_size", 1), null);
        String id = started.operationId();

        Cli.Running watch = Cli.start(Map.of("OPSBRIDGE_URL", url), "ops", "watch", id);
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.stdoutSoFar().contains("[running"));
        new ProcessBuilder("kill", "-INT", String.valueOf(watch.process().pid())).start().waitFor();
        Cli.Result interrupted = watch.await();

        assertThat(interrupted.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(interrupted.stderr()).contains("stopped watching " + id
                + "; the operation keeps running on the server");
        assertThat(api.operation(id).value().status()).isEqualTo(OperationStatus.RUNNING);

        Cli.Result cancel = Cli.run("--url", url, "ops", "cancel", id);
        assertThat(cancel.stdout().trim()).isEqualTo(id + " is cancelled");

        Cli.Result watchAgain = Cli.run("--url", url, "ops", "watch", id);
        assertThat(watchAgain.exitCode()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(watchAgain.stdout()).containsPattern("CANCELLED " + Pattern.quote(id) + " after \\S+ at ");
    }

    @Test
    void failedTrainingExitsOneWithItsReason() throws Exception {
        Cli.Result run = Cli.run("--url", url, "train", "--symbols", "BROKEN", "--epochs", "2", "--watch");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.stdout()).containsPattern("FAILED op_training_\\S+ after \\S+: BROKEN_1h.csv line 3: ");
        assertThat(run.stdout()).as("the last lines of its log say what happened before")
                .containsPattern("last lines of its log \\(all of it: opsbridge ops logs op_training_\\S+\\):")
                .containsPattern("(?m)^  \\d\\d:\\d\\d:\\d\\d\\.\\d{3} error failed: .*BROKEN_1h.csv line 3: ");
    }

    @Test
    void opsLogsFollowPrintsNewLinesUntilTheTrainingEndsAndExitsWithItsOutcome() throws Exception {
        String id = api.startTraining(Map.of("symbols", List.of("AAPL"), "epochs", 25, "batch_size", 16), null)
                .operationId();

        Cli.Running follow = Cli.start(Map.of("OPSBRIDGE_URL", url), "ops", "logs", id, "-f");
        await().atMost(Duration.ofSeconds(60)).until(() -> follow.stdoutSoFar().contains("Epoch 1/25"));
        boolean stillFollowing = follow.process().isAlive();
        Cli.Result followed = follow.await();

        assertThat(followed.exitCode()).as(followed.stderr()).isEqualTo(ExitCodes.OK);
        List<String> lines = followed.stdout().lines().toList();
        assertThat(lines.get(0)).containsPattern("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} info  started on ");
        for (int epoch = 1; epoch <= 25; epoch++) {
            String step = "Epoch " + epoch + "/25:";
            assertThat(lines).as("each line once").filteredOn(line -> line.contains(step)).hasSize(1);
        }
        assertThat(lines.get(lines.size() - 1)).endsWith(" info  completed");
        assertThat(Cli.run("--url", url, "ops", "logs", id).stdout()).as("read again: the same lines")
                .isEqualTo(followed.stdout());
        assertThat(stillFollowing).as("the first epoch's line was printed before the training ended").isTrue();
    }

    @Test
    void unreachableServerNamesTheUrlItTried() throws Exception {
        String nobody = "http://127.0.0.1:" + freePort();

        Cli.Result flag = Cli.run("--url", nobody, "ops", "list");
        Cli.Result env = Cli.runWithEnv(Map.of("OPSBRIDGE_URL", nobody), "ops", "watch", "op_x");

        for (Cli.Result run : List.of(flag, env)) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(run.stderrLines()).containsExactly("error: cannot reach the OpsBridge server at " + nobody
                    + " (connection refused); is it running? Set the address with opsbridge login --url URL, --url or OPSBRIDGE_URL");
            assertThat(run.stdout()).isEmpty();
        }
    }

    @Test
    void serverProblemsAreShownAsOneLine() throws Exception {
        Cli.Result unknown = Cli.run("--url", url, "ops", "get", "op_training_20000101_000000_00000000");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(unknown.stderrLines()).singleElement().asString()
                .startsWith("error: 404 Operation not found: ").contains("op_training_20000101_000000_00000000");

        Cli.Result badInput = Cli.run("--url", url, "train", "--symbols", "AAPL", "--timeframe", "7x");
        assertThat(badInput.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(badInput.stderrLines()).containsExactly(
                "error: 400 Invalid request: timeframe: must look like 15m, 1h, 4h, 1d or 1w, was '7x'");

        Cli.Result usage = Cli.run("--url", url, "train");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.stderr()).contains("Missing required option: '--symbols=SYM[,SYM...]'");
    }

    @Test
    void dataLoadIsWatchedToCompletionAndAMissingSourceIsOneLine() throws Exception {
        Cli.Result load = Cli.run("--url", url, "data", "load", "--symbols", "AAPL", "--timeframe", "1h",
                "--source", "sample", "--watch");
        assertThat(load.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(load.stdout()).startsWith("started data_loading op_").contains("completed op_data_loading_");

        Cli.Result missing = Cli.run("--url", url, "data", "load", "--symbols", "AAPL", "--timeframe", "1h",
                "--source", "csv");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(missing.stderrLines()).singleElement().asString()
                .startsWith("error: 400 Invalid request: symbols: source 'csv' has no data for AAPL at 1h")
                .contains("use source 'sample'");
    }

    @Test
    void usageErrorsAreOneLineAndTheUsageLineWithExitCodeTwo() throws Exception {
        Cli.Result badDate = Cli.run("--url", url, "data", "load", "--symbols", "AAPL", "--start", "2024-13-01");
        assertThat(badDate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.stderrLines()).hasSize(3);
        assertThat(badDate.stderrLines().get(0)).isEqualTo(
                "error: Invalid value for option '--start': '2024-13-01' is not a date: expected YYYY-MM-DD, e.g. 2024-01-31");
        assertThat(badDate.stderrLines().get(1)).startsWith("usage: opsbridge data load ")
                .contains(" --symbols=SYM[,SYM...] ").doesNotContain("[--symbols=");
        assertThat(badDate.stderrLines().get(2)).isEqualTo("Try 'opsbridge data load --help' for more.");

        Cli.Result badUrl = Cli.run("--url", "ftp://nowhere", "ops", "list");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.stderrLines().get(0)).contains("'ftp://nowhere' is not a server address");
    }

    @Test
    void aUrlWithoutSchemeIsTakenAsHttp() throws Exception {
        Cli.Result list = Cli.run("--url", url.replaceFirst("^http://", ""), "ops", "list", "--limit", "1");
        assertThat(list.exitCode()).as(list.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(list.stdout()).startsWith("OPERATION");
    }

    @Test
    void theReadmesDataLoadExampleWorksOnAFreshInstall() throws Exception {
        Cli.Result load = Cli.run("--url", url, "data", "load", "--symbols", "AAPL,MSFT", "--timeframe", "1h",
                "--start", "2024-01-01", "--end", "2024-03-31", "--watch", "--plain");
        assertThat(load.exitCode()).as(load.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(load.stdout()).contains("completed op_data_loading_");

        assertThat(load.stdout()).as("plain lines say a step once").doesNotContainPattern("(Loading \\S+ \\(\\d/\\d\\))\\s+\\1");

        Cli.Result sources = Cli.run("--url", url, "data", "sources");
        assertThat(sources.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(sources.stdout()).containsPattern("(?m)^sample\\s+\\(default\\)\\s+SYNTHETIC")
                .containsPattern("(?m)^csv\\s+files in /\\S+ on the server: ");

        Cli.Result help = Cli.run("data", "load", "--help");
        assertThat(help.stdout()).contains("default: sample");
    }

    @Test
    void launcherScriptAtTheRepoRootRunsTheCli() throws Exception {
        Process launcher = new ProcessBuilder("bash", "../opsbridge", "--url", url, "ops", "list", "--limit", "1")
                .redirectErrorStream(true).start();
        String out = new String(launcher.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(launcher.waitFor()).as(out).isZero();
        assertThat(out).startsWith("OPERATION");
    }

    private static String idFrom(Cli.Result run) {
        Matcher m = STARTED.matcher(run.stdout());
        assertThat(m.find()).as("started line in: " + run.stdout()).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

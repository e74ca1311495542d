package io.opsbridge.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What kubectl and gh users reach for, against a really running backend: {@code ops wait} with the
 * outcome as exit code, {@code ops list --no-headers} and {@code --watch}, shell completion,
 * {@code models list|activate} and {@code train --auto-activate}.
 */
@ExtendWith(RunningBackend.Extension.class)
class CliScriptingIT {

    static String url;
    static OpsBridgeClient api;

    @BeforeAll
    static void backend(RunningBackend backend) {
        url = backend.url();
        api = new OpsBridgeClient(URI.create(url));
    }

    @Test
    void opsWaitExitsWithTheOutcomeOrSevenAfterItsTimeout() throws Exception {
        OperationInfo longOne = api.startTraining(Map.of("symbols", List.of("AAPL"), "epochs", 500, "batch_size", 16), null);
        Cli.Result timedOut = Cli.run("--url", url, "ops", "wait", longOne.operationId(), "--timeout", "2s");
        assertThat(timedOut.exitCode()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(timedOut.stderr()).contains(longOne.operationId() + " is still ").contains("after 2s");

        Cli.Result running = Cli.run("--url", url, "ops", "wait", longOne.operationId(), "--for", "running");
        assertThat(running.exitCode()).isZero();
        api.cancel(longOne.operationId());
        Cli.Result cancelled = Cli.run("--url", url, "ops", "wait", longOne.operationId());
        assertThat(cancelled.exitCode()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(cancelled.stdout()).isEmpty();

        OperationInfo load = api.startDataLoad(Map.of("symbols", List.of("WAITOK"), "timeframe", "1d"));
        assertThat(Cli.run("--url", url, "ops", "wait", load.operationId(), "--timeout", "2m").exitCode()).isZero();

        Cli.Result badTimeout = Cli.run("--url", url, "ops", "wait", load.operationId(), "--timeout", "soon");
        assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTimeout.stderr()).contains("'soon' is not a duration");
    }

    @Test
    void listWithoutHeadersIsOnlyRowsAndCompletionKnowsTheCommands() throws Exception {
        OperationInfo load = api.startDataLoad(Map.of("symbols", List.of("ROWS"), "timeframe", "1d"));
        Cli.run("--url", url, "ops", "wait", load.operationId());

        Cli.Result rows = Cli.run("--url", url, "ops", "list", "--no-headers", "--type", "data_loading");
        assertThat(rows.exitCode()).isZero();
        assertThat(rows.stdoutLines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("op_data_loading_"));

        Cli.Result completion = Cli.run("completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.stdout()).contains("complete -F").contains("opsbridge")
                .contains("wait").contains("--no-headers").contains("activate").contains("--auto-activate");
    }

    @Test
    void opsListWatchShowsANewOperationWithoutBeingRunAgain() throws Exception {
        Cli.Running watch = Cli.start(Map.of("OPSBRIDGE_URL", url), "ops", "list", "--watch", "--type", "data_loading",
                "--limit", "3");
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> watch.stdoutSoFar().contains("OPERATION"));
            OperationInfo load = api.startDataLoad(Map.of("symbols", List.of("WATCHED"), "timeframe", "1d"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> watch.stdoutSoFar().contains(load.operationId()));
            assertThat(watch.process().isAlive()).as("it keeps watching until Ctrl-C").isTrue();
        } finally {
            watch.process().destroy();
        }
    }

    @Test
    void aTrainingWithAutoActivateServesItsModelAndModelsListSaysSo() throws Exception {
        Cli.Result train = Cli.run("--url", url, "train", "--symbols", "AAPL", "--epochs", "1", "--auto-activate");
        assertThat(train.exitCode()).as(train.stderr()).isZero();
        Matcher served = Pattern.compile("(\\S+) (v\\d+) is active: it serves signals now").matcher(train.stdout());
        assertThat(served.find()).as(train.stdout()).isTrue();
        assertThat(train.stdout()).as("the summary names the model as models activate takes it")
                .contains("model=" + served.group(1) + "/" + served.group(2))
                .contains("artifact_path_on_server=").doesNotContain("registry_version=");

        Cli.Result models = Cli.run("--url", url, "models", "list", "--strategy", served.group(1));
        assertThat(models.stdoutLines().get(0)).startsWith("STRATEGY").contains("VERSION", "STATUS");
        assertThat(models.stdout()).containsPattern(Pattern.quote(served.group(1)) + "\\s+" + served.group(2) + "\\s+active");

        Cli.Result again = Cli.run("--url", url, "models", "activate", served.group(1), served.group(2));
        assertThat(again.exitCode()).isZero();
        Cli.Result unknown = Cli.run("--url", url, "models", "activate", served.group(1), "v999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(unknown.stderr()).startsWith("error: ").contains("v999");
    }
}

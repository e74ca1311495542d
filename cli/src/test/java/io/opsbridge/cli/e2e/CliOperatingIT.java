package io.opsbridge.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as an operator meets it, against the packaged backend: "did you mean", network failures
 * named truly, least privilege with saved logins, tables and {@code -o yaml}, tokens with their
 * secret shown once, {@code ops rerun}, a refused unknown strategy, the next step after a training,
 * no Java text, whole help texts, and the live bar in a pseudo-terminal showing the epoch's loss.
 */
@ExtendWith(RunningBackend.Extension.class)
class CliOperatingIT {

    static String url;
    static RunningBackend backend;

    @TempDir
    Path home;

    @BeforeAll
    static void backend(RunningBackend running) {
        backend = running;
        url = running.url();
    }

    @Test
    void mistypedCommandsAndOptionsGetADidYouMean() throws Exception {
        Cli.Result command = Cli.run("--url", url, "opz", "list");
        assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.stderr()).contains("did you mean: opsbridge ops?");

        Cli.Result option = Cli.run("--url", url, "train", "--symbols", "AAPL", "--epoch", "3");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.stderr()).contains("did you mean: opsbridge train --epochs?");
    }

    @Test
    void networkFailuresAreNamedForWhatTheyAre() throws Exception {
        Cli.Result dns = Cli.run("--url", "http://no-such-host.invalid:8080", "ops", "list");
        assertThat(dns.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(dns.stderr()).contains("the host name no-such-host.invalid does not resolve (DNS)")
                .doesNotContain("connection refused");

        Cli.Result tls = Cli.run("--url", url.replace("http://", "https://"), "ops", "list");
        assertThat(tls.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(tls.stderr()).contains("TLS failed").contains("does the server speak https");
    }

    @Test
    void withoutALoginNothingRunsAsAdminAndALoginIsSavedForItsUserOnly() throws Exception {
        Path config = home.resolve("opsbridge").resolve("contexts.json");
        Map<String, String> fresh = Map.of("OPSBRIDGE_TOKEN", "", "OPSBRIDGE_CONFIG", config.toString());

        Cli.Result refused = Cli.runWithEnv(fresh, "--url", url, "admin", "settings", "show");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(refused.stderr()).contains("401").contains("opsbridge login --url URL --token TOKEN");

        Cli.Result login = Cli.runWithEnv(fresh, "login", "--url", url, "--token-file",
                RunningBackend.adminTokenFile().toString(), "--context", "local-admin");
        assertThat(login.exitCode()).as(login.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(login.stdout()).contains("logged in to " + url + " as context local-admin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");

        Cli.Result shown = Cli.runWithEnv(fresh, "admin", "settings", "show");
        assertThat(shown.exitCode()).as(shown.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(shown.stdout()).startsWith("settings version ");
        Cli.Result contexts = Cli.runWithEnv(fresh, "context", "list");
        assertThat(contexts.stdoutLines()).contains("*        local-admin  " + url);
        assertThat(contexts.stdout()).doesNotContain(Files.readString(RunningBackend.adminTokenFile()).trim());
    }

    @Test
    void tokensAreTablesTheSecretIsShownOnceAndEveryCommandSpeaksYaml() throws Exception {
        Cli.Result created = Cli.run("--url", url, "admin", "tokens", "create", "--name", "cli-it", "--role", "viewer");
        assertThat(created.exitCode()).as(created.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(created.stdoutLines().get(0)).matches("created token [a-z0-9]{12} \"cli-it\" \\(viewer\\)");
        assertThat(created.stdoutLines().get(1)).contains("save it now");
        assertThat(created.stdoutLines().get(2)).matches("  obt_[a-z0-9]{12}_\\S+");
        String id = created.stdoutLines().get(0).split(" ")[2];

        Cli.Result list = Cli.run("--url", url, "admin", "tokens", "list");
        assertThat(list.stdoutLines().get(0)).matches("ID\\s+NAME\\s+ROLE\\s+CREATED\\s+REVOKED");
        assertThat(list.stdout()).contains(id).doesNotContain("obt_").doesNotContain("{");

        Cli.Result yaml = Cli.run("--url", url, "-o", "yaml", "admin", "tokens", "list");
        assertThat(yaml.stdoutLines().get(0)).isEqualTo("tokens:");
        Cli.Result ops = Cli.run("--url", url, "-o", "yaml", "ops", "list", "--limit", "1");
        assertThat(ops.stdout()).contains("operations:").contains("total: ");

        Cli.Result audit = Cli.run("--url", url, "admin", "audit", "--action", "tokens");
        assertThat(audit.stdoutLines().get(0)).matches("AT\\s+ACTOR\\s+ROLE\\s+ACTION\\s+TARGET\\s+OUTCOME");
        assertThat(audit.stdout()).contains("POST /api/v1/admin/tokens").doesNotContain("{");
    }

    @Test
    void anUnknownStrategyIsRefusedAndAFinishedTrainingIsRerunWithAChangeAndANextStep() throws Exception {
        Cli.Result typo = Cli.run("--url", url, "train", "--symbols", "AAPL", "--strategy", "mlp_directoin");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(typo.stderr()).contains("unknown strategy 'mlp_directoin'; known: ").contains("mlp_direction")
                .contains("--new-strategy");

        Cli.Result trained = Cli.run("--url", url, "train", "--symbols", "AAPL", "--epochs", "2", "--batch-size", "8",
                "--seed", "3", "--watch");
        assertThat(trained.exitCode()).as(trained.stderr()).isEqualTo(ExitCodes.OK);
        String id = trained.stdoutLines().get(0).split(" ")[2];
        assertThat(trained.stdoutLines().get(trained.stdoutLines().size() - 1))
                .matches("next: opsbridge models activate mlp_direction v\\d+");

        Cli.Result rerun = Cli.run("--url", url, "-o", "json", "ops", "rerun", id, "--set", "epochs=1");
        assertThat(rerun.exitCode()).as(rerun.stderr()).isEqualTo(ExitCodes.OK);
        JsonNode again = Cli.json(rerun.stdout());
        assertThat(again.path("operation_id").asText()).isNotEqualTo(id);
        assertThat(again.at("/metadata/parameters/epochs").asInt()).isEqualTo(1);
        assertThat(again.at("/metadata/parameters/seed").asInt()).as("the rest as it ran").isEqualTo(3);
        assertThat(again.at("/metadata/symbols/0").asText()).isEqualTo("AAPL");
    }

    @Test
    void settingsErrorsAreWordsAndHelpTextsAreWhole() throws Exception {
        Path file = backend.settingsFile();
        Files.createDirectories(file.getParent());
        String before = Files.exists(file) ? Files.readString(file) : null;
        try {
            Files.writeString(file, "opsbridge.operations.cache-ttl=fast\n");
            Cli.Result reload = Cli.run("--url", url, "admin", "settings", "reload", "--dry-run");
            assertThat(reload.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
            assertThat(reload.stdout()).contains(
                    "error: `opsbridge.operations.cache-ttl`: `fast` is not a duration (e.g. 500ms, 2s, 5m, 1h)")
                    .doesNotContain("SRCFG").doesNotContain("java.");
        } finally {
            if (before == null) {
                Files.delete(file);
            } else {
                Files.writeString(file, before);
            }
        }

        Cli.Result admin = Cli.run("admin", "--help");
        assertThat(admin.stdout()).contains("Administer a running server; needs a login with the admin role.")
                .containsPattern("(?m)^  replicas +The backend replicas and what each serves, the lagging ones marked\\.$");
        Cli.Result root = Cli.run("--help");
        assertThat(root.stdout()).containsPattern("(?m)^  7 +ops wait gave up");
    }

    @Test
    void theLiveBarInATerminalShowsTheEpochsLoss() throws Exception {
        // script(1) gives the CLI a pseudo-terminal, 200 columns wide, as a person's shell has
        List<String> cli = Cli.command("--url", url, "train", "--symbols", "AAPL", "--epochs", "4", "--batch-size",
                "8", "--seed", "5", "--watch");
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c",
                "stty cols 200 rows 50; " + String.join(" ", cli), "/dev/null").redirectErrorStream(true);
        Cli.environment(builder.environment());
        builder.environment().put("TERM", "xterm");
        Process script = builder.start();
        script.getOutputStream().close();
        String screen = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(screen).isZero();
        assertThat(screen).as("a live bar, not plain lines").contains("training 100% ").contains("100/100% (")
                .contains("epoch 4: train_loss=");
        String epochFour = screen.replaceAll("(?s).*epoch 4: train_loss=(\\d+\\.\\d{4}).*", "$1");
        assertThat(screen).as("the bar's loss is the epoch's, as printed above it")
                .contains("Epoch 4/4 · epoch 4 loss " + epochFour);
    }
}

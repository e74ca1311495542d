package io.opsbridge.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code opsbridge admin settings show | reload [--dry-run] | history} against a really running backend. */
@ExtendWith(RunningBackend.Extension.class)
class AdminSettingsCliIT {

    @Test
    void reloadShowsTheDiffRejectsABrokenFileAndHistoryListsBoth(RunningBackend backend) throws Exception {
        Path file = backend.settingsFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "opsbridge.operations.cache-ttl=333ms\n");

        Cli.Result dry = Cli.run("--url", backend.url(), "admin", "settings", "reload", "--dry-run");
        assertThat(dry.exitCode()).as(dry.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(dry.stdout()).contains("applied (dry run) by admin").contains("opsbridge.operations.cache-ttl:")
                .contains("-> 333ms");

        Cli.Result applied = Cli.run("--url", backend.url(), "admin", "settings", "reload");
        assertThat(applied.exitCode()).as(applied.stderr()).isEqualTo(ExitCodes.OK);
        Cli.Result show = Cli.run("--url", backend.url(), "admin", "settings", "show");
        assertThat(show.stdout()).contains("(admin, applied").contains("  opsbridge.operations.cache-ttl=333ms");

        Files.writeString(file, "opsbridge.operations.cache-ttl=333ms\nquarkus.http.port=1\n");
        Cli.Result rejected = Cli.run("--url", backend.url(), "admin", "settings", "reload");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(rejected.stdout()).contains("rejected by admin")
                .contains("error: quarkus.http.port needs a restart");

        Cli.Result history = Cli.run("--url", backend.url(), "admin", "settings", "history", "--limit", "5");
        assertThat(history.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(history.stdoutLines().get(0)).contains("rejected by admin");
        assertThat(history.stdout()).contains("applied by admin").contains("totals {");
    }
}

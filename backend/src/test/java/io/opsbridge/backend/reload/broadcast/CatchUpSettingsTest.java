package io.opsbridge.backend.reload.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.SettingsCatalog;
import io.opsbridge.core.settings.reload.SettingsFile;
import io.opsbridge.core.settings.reload.SettingsHistory;
import io.opsbridge.core.settings.reload.SettingsReloader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings message on a real reloader and file: applied when the file has its hash, else retried, then pending. */
class CatchUpSettingsTest {

    @TempDir
    Path dir;

    private final Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.operations.cache-ttl", "2s")));
    private final SettingsHistory history = new SettingsHistory();
    private SettingsReloader reloader;
    private Path file;

    @BeforeEach
    void reloader() {
        file = dir.resolve("rt.properties");
        reloader = new SettingsReloader(settings, SettingsCatalog.core(), new SettingsFile(file), history, List.of());
    }

    @AfterEach
    void close() {
        reloader.close();
    }

    @Test
    void aMessageWhoseHashIsInTheFileAppliesItAsABroadcastReload() throws Exception {
        String hash = write("opsbridge.operations.cache-ttl=700ms\n");

        CatchUp.Outcome outcome = catchUp(3).settings(hash);

        assertThat(outcome.settingsApplied()).isTrue();
        assertThat(outcome.settingsPending()).isFalse();
        assertThat(settings.current().origin().sha256()).isEqualTo(hash);
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(700));
        assertThat(history.latest(1).get(0).trigger()).as("not announced again: no echo").isEqualTo("broadcast");
    }

    @Test
    void aHashTheFileDoesNotHaveYetIsRetriedThenPendingAndNothingIsApplied() throws Exception {
        write("opsbridge.operations.cache-ttl=700ms\n");
        long version = settings.current().version();

        CatchUp.Outcome outcome = catchUp(2).settings("f".repeat(64));

        assertThat(outcome.settingsApplied()).isFalse();
        assertThat(outcome.settingsPending()).isTrue();
        assertThat(outcome.error()).startsWith("settings ffffffffffff pending");
        assertThat(settings.current().version()).isEqualTo(version);
    }

    @Test
    void aFileThatArrivesDuringTheRetriesIsApplied() throws Exception {
        write("opsbridge.operations.cache-ttl=700ms\n");
        String next = "opsbridge.operations.cache-ttl=900ms\n";
        String nextHash = hashOf(next);
        Thread propagation = new Thread(() -> {
            try {
                Thread.sleep(100); // a ConfigMap arriving a little after the message
                write(next);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        propagation.start();

        CatchUp.Outcome outcome = catchUp(6).settings(nextHash);
        propagation.join();

        assertThat(outcome.settingsApplied()).isTrue();
        assertThat(settings.current().origin().sha256()).isEqualTo(nextHash);
    }

    @Test
    void aCatchUpWithTheFileInForceChangesNothing() throws Exception {
        String hash = write("opsbridge.operations.cache-ttl=700ms\n");
        catchUp(0).settings(hash);
        long version = settings.current().version();

        CatchUp.Outcome again = catchUp(0).settings(null);

        assertThat(again.settingsApplied()).isFalse();
        assertThat(settings.current().version()).isEqualTo(version);
    }

    private CatchUp catchUp(int retries) {
        return new CatchUp(null, () -> "mlp_direction", reloader, settings, retries, Duration.ofMillis(50));
    }

    private String write(String content) throws Exception {
        Files.writeString(file, content);
        return new SettingsFile(file).read().sha256();
    }

    private String hashOf(String content) throws Exception {
        Path other = dir.resolve("other.properties");
        Files.writeString(other, content);
        return new SettingsFile(other).read().sha256();
    }
}

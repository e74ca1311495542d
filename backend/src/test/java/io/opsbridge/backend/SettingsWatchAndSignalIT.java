package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator meets on a fresh install started under {@code nohup}: the README's recipe (make
 * {@code config/}, save the settings file there) works although the folder did not exist at
 * startup; SIGHUP, which such a process cannot receive, is said to do nothing instead of claimed;
 * and the backend's own pid file names this very process.
 */
class SettingsWatchAndSignalIT {

    @TempDir
    Path work;

    @Test
    void aFolderCreatedAfterStartIsWatchedAndAnIgnoredSighupIsSaidTruly() throws Exception {
        Path parent = Files.createDirectories(work.resolve("etc"));
        Path file = parent.resolve("opsbridge").resolve("config").resolve("opsbridge-runtime.properties");
        // no re-check within the test: only the watch can apply the file
        Map<String, String> properties = Map.of("opsbridge.settings.file", file.toString(),
                "opsbridge.settings.debounce", "50ms", "opsbridge.settings.recheck-interval", "1h");

        try (BackendProcess backend = BackendProcess.startWithHangupIgnored(work, "nohup", properties)) {
            JsonPath settings = settings(backend);
            assertThat(settings.getBoolean("sighup.reloads")).isFalse();
            assertThat(settings.getString("sighup.detail")).contains("SIGHUP is ignored by this process", "nohup");
            assertThat(backend.logText()).contains("SIGHUP is ignored by this process")
                    .doesNotContain("SIGHUP reloads the runtime settings")
                    .contains("settings directory " + file.getParent() + " does not exist yet: watching " + parent);
            assertThat(Files.readString(work.resolve("data").resolve("backend.pid")).trim())
                    .isEqualTo(Long.toString(backend.pid()));

            backend.hangup();
            assertThat(backend.http().get("/q/health/ready").statusCode()).as("still serving after kill -HUP")
                    .isEqualTo(200);

            Files.createDirectories(file.getParent());
            Files.writeString(file, "opsbridge.operations.cache-ttl=321ms\n");
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "321ms".equals(settings(backend).getString("values.'opsbridge.operations.cache-ttl'")));
            assertThat(settings(backend).getString("trigger")).isEqualTo("watch");
            assertThat(backend.logText()).contains("settings watch moves to " + file.getParent());
        }
        assertThat(work.resolve("data").resolve("backend.pid")).as("removed at a graceful stop").doesNotExist();
    }

    private static JsonPath settings(BackendProcess backend) {
        return backend.admin().get("/api/v1/admin/settings").then().statusCode(200).extract().jsonPath();
    }
}

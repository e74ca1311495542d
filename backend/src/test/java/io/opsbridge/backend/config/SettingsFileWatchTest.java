package io.opsbridge.backend.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.TestTokens;
import io.opsbridge.core.settings.Settings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A change in the settings file's directory is applied without any call: rename, ConfigMap symlink swap. */
@QuarkusTest
@TestProfile(SettingsFileWatchTest.Watched.class)
class SettingsFileWatchTest {

    static final RuntimeFile FILE = new RuntimeFile("watch");

    /** A watched file of this test's own. */
    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.settings.file", FILE.file.toString(), "opsbridge.settings.debounce", "50ms");
        }
    }

    @Inject
    Settings settings;

    @Test
    void atomicRenameIsAppliedWithoutACall() {
        FILE.replaceByRename("opsbridge.operations.cache-ttl=444ms\n");

        await().atMost(10, TimeUnit.SECONDS).until(() -> settings.current().operations().cacheTtl()
                .equals(Duration.ofMillis(444)));
        assertThat(settings.current().origin().trigger()).isEqualTo("watch");
    }

    @Test
    void configMapStyleSymlinkSwapIsAppliedWithoutACall() throws IOException {
        // the kubelet's layout: file -> ..data/file, ..data -> ..<timestamp>/; an update swaps ..data
        Path watched = FILE.directory;
        Path v1 = Files.createDirectory(watched.resolve("..2026_12_01_" + System.nanoTime()));
        Files.writeString(v1.resolve("cm.properties"), "opsbridge.operations.cache-ttl=555ms\n");
        Path data = watched.resolve("..data");
        Files.deleteIfExists(data);
        Files.createSymbolicLink(data, v1.getFileName());
        Files.deleteIfExists(FILE.file);
        Files.createSymbolicLink(FILE.file, Path.of("..data", "cm.properties"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> settings.current().operations().cacheTtl()
                .equals(Duration.ofMillis(555)));

        Path v2 = Files.createDirectory(watched.resolve("..2026_12_01_" + System.nanoTime()));
        Files.writeString(v2.resolve("cm.properties"), "opsbridge.operations.cache-ttl=666ms\n");
        Path next = watched.resolve("..data_tmp");
        Files.createSymbolicLink(next, v2.getFileName());
        Files.move(next, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        await().atMost(10, TimeUnit.SECONDS).until(() -> settings.current().operations().cacheTtl()
                .equals(Duration.ofMillis(666)));
        TestTokens.asAdmin().get("/api/v1/admin/settings").then().statusCode(200)
                .body("values.'opsbridge.operations.cache-ttl'", org.hamcrest.Matchers.equalTo("666ms"));
    }
}

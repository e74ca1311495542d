package io.opsbridge.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static final URI LOCAL = URI.create("http://localhost:8080");

    @TempDir
    Path dir;

    @Test
    void theEnvironmentTokenWinsForAnyServer() {
        assertThat(Credentials.forServer(URI.create("https://ops.example.com"), Map.of("OPSBRIDGE_TOKEN", "obt_x"),
                contexts())).contains("obt_x");
    }

    @Test
    void theAdminTokenFileIsNeverPickedUpOnItsOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token"), "obt_local\n");
        assertThat(Credentials.forServer(LOCAL, Map.of("OPSBRIDGE_TOKEN_FILE", file.toString()), contexts())).isEmpty();
        assertThat(Credentials.server(null, Map.of(), contexts(), URI::create)).isEqualTo(Credentials.DEFAULT_URL);
    }

    @Test
    void aSavedLoginIsUsedForItsServerOnlyAndIsReadableByItsUserOnly() throws Exception {
        Contexts contexts = contexts();
        contexts.save("ops", new Contexts.Context("http://ops.example.com:8080", "obt_saved"));

        assertThat(Credentials.server(null, Map.of(), contexts, URI::create)).isEqualTo(URI.create("http://ops.example.com:8080"));
        assertThat(Credentials.forServer(URI.create("http://ops.example.com:8080"), Map.of(), contexts)).contains("obt_saved");
        assertThat(Credentials.forServer(LOCAL, Map.of(), contexts)).as("another server never gets it").isEmpty();
        assertThat(Credentials.server(LOCAL, Map.of(), contexts, URI::create)).as("--url wins").isEqualTo(LOCAL);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(contexts.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(contexts.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void contextsAreSwitchedAndRemoved() {
        Contexts contexts = contexts();
        contexts.save("a", new Contexts.Context("http://a:1", "obt_a"));
        contexts.save("b", new Contexts.Context("http://b:1", "obt_b"));
        assertThat(contexts.current()).map(Contexts.Context::url).contains("http://b:1");
        assertThat(contexts.use("a")).isTrue();
        assertThat(contexts.current()).map(Contexts.Context::url).contains("http://a:1");
        assertThat(contexts.use("nope")).isFalse();
        assertThat(contexts.remove("a")).isTrue();
        assertThat(contexts.current()).isEmpty();
        assertThat(contexts.read().contexts()).containsOnlyKeys("b");
    }

    private Contexts contexts() {
        return Contexts.of(Map.of("OPSBRIDGE_CONFIG", dir.resolve("config").resolve("contexts.json").toString()));
    }
}

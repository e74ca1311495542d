package io.opsbridge.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentTokenWinsForAnyServer() {
        assertThat(Credentials.forServer(URI.create("https://ops.example.com"), Map.of("OPSBRIDGE_TOKEN", "obt_x")))
                .contains("obt_x");
    }

    @Test
    void theAdminTokenFileIsReadForALocalBackendOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token"), "obt_local\n");
        Map<String, String> env = Map.of("OPSBRIDGE_TOKEN_FILE", file.toString());
        assertThat(Credentials.forServer(URI.create("http://localhost:8080"), env)).contains("obt_local");
        assertThat(Credentials.forServer(URI.create("http://127.0.0.1:8080"), env)).contains("obt_local");
        assertThat(Credentials.forServer(URI.create("http://ops.example.com:8080"), env)).isEmpty();
    }

    @Test
    void noTokenAnywhereMeansNone() {
        assertThat(Credentials.forServer(URI.create("http://localhost:8080"),
                Map.of("OPSBRIDGE_TOKEN_FILE", dir.resolve("missing").toString()))).isEmpty();
    }
}

package io.opsbridge.cli.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which bearer token the CLI sends: {@code OPSBRIDGE_TOKEN} if set; otherwise, for a backend on
 * this machine only, the admin token the backend wrote at first start ({@code OPSBRIDGE_TOKEN_FILE},
 * default {@code data/admin-token}). A remote URL never gets a local file's token.
 */
public final class Credentials {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private Credentials() {
    }

    /** The token to send to {@code base}, if any. */
    public static Optional<String> forServer(URI base, Map<String, String> env) {
        String token = env.get("OPSBRIDGE_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of(token.trim());
        }
        if (base.getHost() == null || !LOCAL_HOSTS.contains(base.getHost())) {
            return Optional.empty();
        }
        Path file = Path.of(env.getOrDefault("OPSBRIDGE_TOKEN_FILE", "data/admin-token"));
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

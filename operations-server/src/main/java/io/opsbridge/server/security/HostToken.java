package io.opsbridge.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A worker host's own credential, {@code opsbridge.host.token}: the token its backend sends (the
 * backend's {@code opsbridge.proxy.token}). Set only on hosts; on the backend it stays empty.
 */
@ApplicationScoped
public class HostToken {

    /** The identity of a caller that presented the host token: the backend, allowed to start and cancel. */
    public static final String PRINCIPAL = "backend";

    private final byte[] expected;

    public HostToken(@ConfigProperty(name = "opsbridge.host.token") Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> t.trim().getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    public boolean configured() {
        return expected != null;
    }

    /** Whether {@code token} (the part after "Bearer ") is this host's token; constant time. */
    public boolean matches(String token) {
        return expected != null && token != null
                && MessageDigest.isEqual(expected, token.trim().getBytes(StandardCharsets.UTF_8));
    }
}

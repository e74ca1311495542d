package io.opsbridge.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret replicas present to each other ({@code opsbridge.replica.cluster-token}) when one
 * forwards a read or a cancel to the owner of an operation: accepted as operator, and the only
 * credential with which the forwarded caller and the forwarding headers are honoured.
 */
@ApplicationScoped
public class ClusterToken {

    /** Identity attribute: the node id of the replica that forwarded the request. */
    public static final String FORWARDED_BY = "opsbridge.forwarded-by";

    private final byte[] expected;

    public ClusterToken(@ConfigProperty(name = "opsbridge.replica.cluster-token") Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> t.trim().getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** Whether {@code token} (the part after "Bearer ") is the cluster token; constant time. */
    public boolean matches(String token) {
        return expected != null && token != null
                && MessageDigest.isEqual(expected, token.trim().getBytes(StandardCharsets.UTF_8));
    }
}

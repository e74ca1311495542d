package io.opsbridge.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code WWW-Authenticate} challenges of a 401: always {@code Bearer}, and {@code Basic} too when HTTP Basic
 * for the users file is on ({@code quarkus.http.auth.basic}, docs/security.md), so a client learns what it may send.
 */
@ApplicationScoped
public class AuthChallenges {

    private final List<String> challenges;

    public AuthChallenges(@ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false") boolean basic) {
        String bearer = BearerTokenMechanism.CHALLENGE;
        this.challenges = basic ? List.of(bearer, "Basic realm=\"opsbridge\"") : List.of(bearer);
    }

    /** One header value per accepted scheme, Bearer first. */
    public List<String> headerValues() {
        return challenges;
    }

    /** Whether users from the users file may sign in with HTTP Basic. */
    public boolean basicAccepted() {
        return challenges.size() > 1;
    }
}

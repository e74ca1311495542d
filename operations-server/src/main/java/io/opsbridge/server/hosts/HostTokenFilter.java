package io.opsbridge.server.hosts;

import io.opsbridge.server.problem.ProblemAnswer;
import io.opsbridge.server.security.HostToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * On a worker host started with {@code opsbridge.host.token}: every call that changes something
 * (anything but GET, HEAD, OPTIONS) needs {@code Authorization: Bearer <that token>}, which the backend
 * sends from its {@code opsbridge.proxy.token}; otherwise 401 problem+json. Reads stay open, so a
 * host's health and progress can be followed. Not set (the default, and always on the backend): no check.
 */
public class HostTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    private final HostToken hostToken;

    public HostTokenFilter(HostToken hostToken) {
        this.hostToken = hostToken;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireHostToken(ContainerRequestContext request) {
        if (!hostToken.configured() || READS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String given = request.getHeaderString("Authorization");
        if (given != null && given.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && hostToken.matches(given.substring(BEARER.length()))) {
            return Optional.empty();
        }
        return Optional.of(ProblemAnswer.of(401, "unauthorized", "Host token required")
                .detail("this host accepts changes only from its backend (Authorization: Bearer <opsbridge.host.token>)")
                .header("WWW-Authenticate", "Bearer realm=\"opsbridge-host\"").response());
    }
}

package io.opsbridge.server.security;

import io.opsbridge.core.replicas.Forwarding;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer obt_...}: the documented way to add a scheme to Quarkus Security.
 * No header means an anonymous caller (whose roles {@link AnonymousRoles} decides); a header that
 * names no active token is a 401.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer";
    /** The challenge of a 401 for a bearer token; {@link AuthChallenges} sends the same one. */
    static final String CHALLENGE = SCHEME + " realm=\"opsbridge\"";

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9:._@-]{1,128}");

    private final HostToken hostToken;
    private final ClusterToken clusterToken;

    public BearerTokenMechanism(HostToken hostToken, ClusterToken clusterToken) {
        this.hostToken = hostToken;
        this.clusterToken = clusterToken;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String token = header.substring(SCHEME.length() + 1).trim();
        if (hostToken.matches(token)) { // on a host: its backend, which may start and cancel work
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(HostToken.PRINCIPAL))
                    .addRoles(Roles.implied(Roles.OPERATOR)).build());
        }
        if (clusterToken.matches(token)) { // another replica, forwarding for its caller: operator
            return Uni.createFrom().item(forwarded(context));
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    /** The caller another replica forwarded the request for (by its audit name), else that replica itself. */
    private static SecurityIdentity forwarded(RoutingContext context) {
        String by = plain(context.request().getHeader(Forwarding.BY));
        String caller = plain(context.request().getHeader(Forwarding.FOR));
        String replica = by == null ? "unnamed" : by;
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller != null ? caller : "replica:" + replica))
                .addRoles(Roles.implied(Roles.OPERATOR))
                .addAttribute(ClusterToken.FORWARDED_BY, replica).build();
    }

    private static String plain(String header) {
        return header != null && PLAIN.matcher(header).matches() ? header : null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}

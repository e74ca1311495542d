package io.opsbridge.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a presented bearer token into an identity named {@code token:<id>} (the audit trail's
 * "who") with its role and every role below it. The lookup reads the database, so it runs off the
 * event loop.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute: the token's id. */
    public static final String TOKEN_ID = "opsbridge.token-id";
    /** Identity attribute: the token's own role (its highest). */
    public static final String ROLE = "opsbridge.role";

    private final ApiTokens tokens;

    public ApiTokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiToken token = tokens.authenticate(request.getToken().getToken())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("token:" + token.id()))
                    .addRoles(Roles.implied(token.role()))
                    .addAttribute(TOKEN_ID, token.id())
                    .addAttribute(ROLE, token.role())
                    .build();
        });
    }
}

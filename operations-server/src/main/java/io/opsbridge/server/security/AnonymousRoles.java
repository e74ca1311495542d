package io.opsbridge.server.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * What a caller without a token may do, from {@code opsbridge.security.require-auth-for}:
 * {@code none} makes it a viewer and operator, {@code writes} a viewer, {@code all} nothing. Never
 * an admin. A token adds its roles to these (a viewer token never has less than no token). Read
 * per request, so the resources' {@code @RolesAllowed} stay fixed.
 */
@ApplicationScoped
public class AnonymousRoles implements SecurityIdentityAugmentor {

    private static final Set<String> WITHOUT_TOKEN_NONE = Roles.implied(Roles.OPERATOR);
    private static final Set<String> WITHOUT_TOKEN_WRITES = Roles.implied(Roles.VIEWER);

    private final SecurityConfig config;

    public AnonymousRoles(SecurityConfig config) {
        this.config = config;
    }

    /** The roles of a caller without a token under the current {@code require-auth-for}; allocates nothing. */
    public Set<String> withoutToken() {
        return switch (config.requireAuthFor()) {
            case NONE -> WITHOUT_TOKEN_NONE;
            case WRITES -> WITHOUT_TOKEN_WRITES;
            case ALL -> Set.of();
        };
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> roles = withoutToken();
        return Uni.createFrom().item(roles.isEmpty() || identity.getRoles().containsAll(roles) ? identity
                : QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
    }
}

package io.opsbridge.server.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;

/**
 * A user from the properties files (HTTP Basic, docs/security.md) gets what a token of the same role gets: every
 * role below its highest one ({@code admin} is also {@code operator} and {@code viewer}), that role as
 * {@link ApiTokenIdentityProvider#ROLE}, and the name {@code user:<name>}, which the audit trail shows.
 * Roles in the file other than ours are ignored; {@code quarkus.http.auth.roles-mapping} renames a site's own.
 */
@ApplicationScoped
public class UserRoles implements SecurityIdentityAugmentor {

    static final String PREFIX = "user:";

    @Override
    public int priority() {
        return 10; // before AnonymousRoles, which must see the user's own roles
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!isUser(identity)) {
            return Uni.createFrom().item(identity);
        }
        String highest = identity.getRoles().stream().filter(Roles::isRole)
                .max(Comparator.comparingInt(Roles.ALL::indexOf)).orElse(null);
        QuarkusSecurityIdentity.Builder user = QuarkusSecurityIdentity.builder(identity)
                .setPrincipal(new QuarkusPrincipal(PREFIX + identity.getPrincipal().getName()));
        if (highest != null) {
            user.addRoles(Roles.implied(highest)).addAttribute(ApiTokenIdentityProvider.ROLE, highest);
        }
        return Uni.createFrom().item(user.build());
    }

    // tokens carry their id, the host token its own name, a forward the replica that made it; anything else is a user
    private static boolean isUser(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(ApiTokenIdentityProvider.TOKEN_ID) != null
                || identity.getAttribute(ClusterToken.FORWARDED_BY) != null) {
            return false;
        }
        String name = identity.getPrincipal().getName();
        return !HostToken.PRINCIPAL.equals(name) && !name.startsWith(PREFIX);
    }
}

package io.opsbridge.server.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Who the current request is for, by the name the audit trail uses ({@code token:…}, {@code user:…}); null outside a request. */
@ApplicationScoped
public class CurrentCaller {

    private final CurrentIdentityAssociation identities;

    public CurrentCaller(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public String name() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (RuntimeException e) { // no request here, or on an event loop before the identity was resolved
            return null;
        }
    }
}

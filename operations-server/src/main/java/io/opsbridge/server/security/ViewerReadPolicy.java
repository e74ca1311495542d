package io.opsbridge.server.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code @RolesAllowed(viewer)} for the hottest read, {@code GET /api/v1/operations/{id}}, without building an
 * identity for a caller who shows no credentials while {@code require-auth-for} leaves reads open: such a caller
 * is a viewer whenever {@link AnonymousRoles#withoutToken} includes it, so the answer is known before any
 * authentication. A caller with an {@code Authorization} header, or any caller under {@code require-auth-for=all},
 * is authenticated as before and needs the viewer role (a bad token is still a 401). Resolving the anonymous identity (mechanism, provider, two
 * augmentors, each a Mutiny step with its context snapshots) was about 15 % of that read's CPU.
 * <p>Used with {@code @AuthorizationPolicy(name = ViewerReadPolicy.NAME)}.
 */
@ApplicationScoped
public class ViewerReadPolicy implements HttpSecurityPolicy {

    public static final String NAME = "viewer-read";

    private static final Uni<CheckResult> PERMIT = Uni.createFrom().item(CheckResult.PERMIT);
    private static final Uni<CheckResult> DENY = Uni.createFrom().item(CheckResult.DENY);

    private final AnonymousRoles anonymous;

    public ViewerReadPolicy(AnonymousRoles anonymous) {
        this.anonymous = anonymous;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (request.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                && anonymous.withoutToken().contains(Roles.VIEWER)) {
            return PERMIT;
        }
        // a caller without credentials fails with 401 rather than a plain DENY: on a path guarded by configuration
        // (/q/metrics) a DENY would be Quarkus's empty challenge, a failure reaches HttpLayerProblems' problem+json
        return identity.flatMap(caller -> caller.hasRole(Roles.VIEWER) ? PERMIT
                : caller.isAnonymous() ? Uni.createFrom().failure(new UnauthorizedException()) : DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}

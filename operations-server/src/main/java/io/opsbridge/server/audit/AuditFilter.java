package io.opsbridge.server.audit;

import io.opsbridge.server.security.ApiTokenIdentityProvider;
import io.opsbridge.server.security.ClusterToken;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Writes the audit trail: every call that is not a read, and every call refused with 401 or 403.
 * Each answer carries an {@code X-Request-Id} (the client's, or a new one) that its entry names.
 */
public class AuditFilter {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;

    public AuditFilter(AuditTrail trail, CurrentIdentityAssociation identities) {
        this.trail = trail;
        this.identities = identities;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource,
            HttpServerRequest http) {
        String method = request.getMethod();
        int status = response.getStatus();
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        String requestId = requestId(request.getHeaderString(REQUEST_ID));
        response.getHeaders().putSingle(REQUEST_ID, requestId);
        if (read && status != 401 && status != 403) {
            return;
        }
        if (forwarded()) {
            return; // the replica that forwarded it wrote the one audit row, with the caller and the outcome
        }
        SecurityContext security = request.getSecurityContext();
        boolean authenticated = security != null && security.getUserPrincipal() != null;
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        trail.record(new AuditEntry(Instant.now(), authenticated ? security.getUserPrincipal().getName() : "anonymous",
                authenticated ? tokenRole() : null, method + " " + route(request, resource),
                truncate(request.getUriInfo().getPath(), 512), query == null ? null : sha256(query),
                AuditEntry.outcomeOf(status), status, http == null ? null : http.remoteAddress().hostAddress(), requestId));
    }

    private static String route(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return truncate(request.getUriInfo().getPath(), 140);
        }
        jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        String path = type == null ? "" : type.value();
        try {
            jakarta.ws.rs.Path sub = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(jakarta.ws.rs.Path.class);
            return sub == null ? path : path + (sub.value().startsWith("/") ? "" : "/") + sub.value();
        } catch (NoSuchMethodException e) {
            return path;
        }
    }

    // The token's own role, not the ones every caller gets from require-auth-for.
    // A refusal answered on the event loop before the identity was resolved leaves the role unknown
    // rather than failing the answer.
    private String tokenRole() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            return identity == null ? null : identity.getAttribute(ApiTokenIdentityProvider.ROLE);
        } catch (io.quarkus.runtime.BlockingOperationNotAllowedException e) {
            return null;
        }
    }

    private boolean forwarded() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            return identity != null && identity.getAttribute(ClusterToken.FORWARDED_BY) != null;
        } catch (io.quarkus.runtime.BlockingOperationNotAllowedException e) {
            return false;
        }
    }

    // A client's id is kept only if it is short and plain: it goes into a log line and a table.
    static String requestId(String header) {
        return header != null && PLAIN_ID.matcher(header).matches() ? header : newRequestId();
    }

    // A random (version 4) UUID from the thread's own generator: UUID.randomUUID() draws on the shared
    // SecureRandom, a lock every request would take on the event loop; a request id names a call, it
    // guards nothing.
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

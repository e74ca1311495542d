package io.opsbridge.core.rest;

import io.opsbridge.core.security.RateLimited;
import io.opsbridge.core.security.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Applies {@link RateLimits} to {@link RateLimited} methods. The caller is the token id it presents
 * (a token that is not valid is refused by authentication anyway), else its remote address.
 */
public class RateLimitFilter {

    private static final Pattern TOKEN_ID = Pattern.compile("^Bearer\\s+obt_([a-z0-9]{12})_", Pattern.CASE_INSENSITIVE);

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http) {
        RateLimited limited = annotation(resource);
        if (limited != null) {
            limits.check(limited.value(), caller(request.getHeaderString("Authorization"), http));
        }
    }

    private static RateLimited annotation(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        try {
            RateLimited onMethod = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(RateLimited.class);
            return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RateLimited.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static String caller(String authorization, HttpServerRequest http) {
        if (authorization != null) {
            Matcher m = TOKEN_ID.matcher(authorization);
            return m.find() ? "token:" + m.group(1) : "token:configured";
        }
        return "ip:" + (http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}

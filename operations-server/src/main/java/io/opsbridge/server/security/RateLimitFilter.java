package io.opsbridge.server.security;

import io.opsbridge.server.operations.StartResource;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
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

    // Looked up once per resource class and kept: walking the methods by reflection copied every Method
    // of the class on each request, the cached GET's largest allocation of ours (docs/benchmarks.md).
    private static final ClassValue<Map<String, RateLimited[]>> BY_NAME_AND_ARITY = new ClassValue<>() {
        @Override
        protected Map<String, RateLimited[]> computeValue(Class<?> type) {
            Map<String, Integer> maxArity = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    maxArity.merge(method.getName(), method.getParameterCount(), Math::max);
                }
            }
            Map<String, RateLimited[]> byName = new HashMap<>();
            maxArity.forEach((name, max) -> {
                RateLimited[] byArity = new RateLimited[max + 1];
                for (int arity = 0; arity <= max; arity++) {
                    byArity[arity] = lookUp(type, name, arity);
                }
                byName.put(name, byArity);
            });
            return Map.copyOf(byName);
        }
    };

    static RateLimited annotation(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        int arity = resource.parameterTypes() == null ? 0 : resource.parameterTypes().length;
        RateLimited[] byArity = BY_NAME_AND_ARITY.get(resource.getResourceClass()).get(resource.getMethodName());
        return byArity != null && arity < byArity.length ? byArity[arity]
                : lookUp(resource.getResourceClass(), resource.getMethodName(), arity);
    }

    // The resource class is the concrete subclass (e.g. TrainingResource) while the annotated method may be
    // declared by a generic superclass (StartResource.start(R, ...)), whose erased parameter types do not match
    // the resolved ones: look the method up by name and arity up the hierarchy, then fall back to the class.
    private static RateLimited lookUp(Class<?> resourceClass, String name, int arity) {
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arity
                        && method.isAnnotationPresent(RateLimited.class)) {
                    return method.getAnnotation(RateLimited.class);
                }
            }
            RateLimited onClass = type.getAnnotation(RateLimited.class);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    static String caller(String authorization, HttpServerRequest http) {
        if (authorization != null) {
            Matcher m = TOKEN_ID.matcher(authorization);
            return m.find() ? "token:" + m.group(1) : "token:configured";
        }
        return "ip:" + (http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}

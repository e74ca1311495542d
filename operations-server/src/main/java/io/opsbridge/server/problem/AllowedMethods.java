package io.opsbridge.server.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each REST path answers, for the {@code Allow} of a 405: read once from the resources'
 * JAX-RS annotations (the framework's own 405 names none, and its {@code OPTIONS} lists every method of
 * the resource class, whatever the path). {@code HEAD} goes with {@code GET}, {@code OPTIONS} with any.
 */
final class AllowedMethods {

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Route(Pattern path, String method) {
    }

    /** Built on first use: every resource is a bean by then. */
    private static final class Routes {
        static final List<Route> ALL = scan();
    }

    private AllowedMethods() {
    }

    /** The methods {@code path} answers, sorted; empty when no resource serves it. */
    static Set<String> of(String path) {
        Set<String> methods = new TreeSet<>();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : Routes.ALL) {
            if (route.path().matcher(trimmed).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static List<Route> scan() {
        List<Route> routes = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(new Route(template(root.value() + "/" + (sub == null ? "" : sub.value())), verb));
                }
            }
        }
        return List.copyOf(routes);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /api/v1/operations/{id}} as a pattern: a parameter is one segment unless it says its own regex. */
    private static Pattern template(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(normalized);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(normalized.substring(at, m.start())))
                    .append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).trim()).append(')');
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(normalized.substring(at))).toString());
    }
}

package io.opsbridge.server.metrics;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * {@code /q/metrics} answers the Prometheus text format (0.0.4) to a client that does not ask for
 * OpenMetrics: Quarkus answers OpenMetrics to {@code Accept: *}{@code /*} and to no Accept at all, which
 * {@code curl … | promtool check metrics} (promtool 2.42) cannot parse. A client whose Accept names
 * {@code application/openmetrics-text} (a Prometheus server) is left alone. Only that path is
 * routed here, so no other request pays for it.
 */
@Singleton
public class PrometheusTextByDefault {

    static final String PATH = "/q/metrics";

    void install(@Observes Router router) {
        router.route(PATH).order(Integer.MIN_VALUE + 2).handler(PrometheusTextByDefault::preferText);
    }

    static void preferText(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("application/openmetrics-text")) {
            context.request().headers().set(HttpHeaders.ACCEPT, "text/plain");
        }
        context.next();
    }
}

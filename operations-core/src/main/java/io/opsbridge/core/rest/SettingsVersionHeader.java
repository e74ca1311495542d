package io.opsbridge.core.rest;

import io.opsbridge.core.settings.Settings;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every HTTP answer (the API, health, metrics, the web UI) carries {@code X-OpsBridge-Settings-Version}:
 * the settings version in force when the request arrived, so a client or a load balancer can tell
 * which settings served it.
 */
@ApplicationScoped
public class SettingsVersionHeader {

    /** The header's name. */
    public static final String NAME = "X-OpsBridge-Settings-Version";

    void install(@Observes Router router, Settings settings) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.response().putHeader(NAME, Long.toString(settings.current().version()));
            context.next();
        });
    }
}

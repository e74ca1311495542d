package io.opsbridge.server.settings;

import io.opsbridge.core.settings.Settings;
import io.vertx.core.http.HttpHeaders;
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

    /** The header's name encoded once, as Vert.x writes it. */
    private static final CharSequence WIRE_NAME = HttpHeaders.createOptimized(NAME);

    /** A settings version and its header value, so a request formats no number (it changes only on a reload). */
    private record Value(long version, CharSequence text) {
    }

    private volatile Value last = new Value(Long.MIN_VALUE, "");

    void install(@Observes Router router, Settings settings) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.response().putHeader(WIRE_NAME, valueOf(settings.current().version()));
            context.next();
        });
    }

    private CharSequence valueOf(long version) {
        Value value = last;
        if (value.version() != version) {
            value = new Value(version, HttpHeaders.createOptimized(Long.toString(version)));
            last = value;
        }
        return value.text();
    }
}

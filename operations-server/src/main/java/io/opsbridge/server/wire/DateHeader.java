package io.opsbridge.server.wire;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code Date} on every answer the router gives (RFC 9110 section 6.6.1: an origin server with a clock must send
 * it), in IMF-fixdate form. Formatted once a second, not per request.
 */
@ApplicationScoped
public class DateHeader {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A second since the epoch and its header value. */
    private record Value(long second, CharSequence text) {
    }

    private final Clock clock = Clock.systemUTC();
    private volatile Value last = new Value(Long.MIN_VALUE, "");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.response().putHeader(HttpHeaders.DATE, now());
            context.next();
        });
    }

    /** The header value for the current second. */
    CharSequence now() {
        long second = clock.millis() / 1000;
        Value value = last;
        if (value.second() != second) {
            value = new Value(second, HttpHeaders.createOptimized(IMF_FIXDATE.format(Instant.ofEpochSecond(second))));
            last = value;
        }
        return value.text();
    }
}

package io.opsbridge.server.problem;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request URI that is not a URI (a bad {@code %} escape, a space, a {@code |}) is a problem+json 400 like any
 * other bad input. Quarkus's root handler would answer it with an empty 400 before any route runs, unless the JVM
 * property {@code vertx.disableURIValidation} is set before the HTTP layer starts: each app's main class sets it
 * ({@link #leftToTheRouter}), and the router makes the same check with {@link java.net.URI} first thing
 * ({@link HttpLayerProblems}), so nothing after it ever sees such a URI.
 */
public final class InvalidUris {

    private static final String DISABLE_QUARKUS_CHECK = "vertx.disableURIValidation";

    private InvalidUris() {
    }

    /** Lets invalid URIs reach the router, which answers them; call before {@code Quarkus.run}. */
    public static void leftToTheRouter() {
        System.setProperty(DISABLE_QUARKUS_CHECK, "true");
    }

    /** Answers {@code context} with a 400 problem if its URI is not valid; true if it did. */
    static boolean refused(RoutingContext context) {
        String uri = context.request().uri();
        try {
            new URI(uri);
            return false;
        } catch (URISyntaxException e) {
            send(context, e.getReason() + " at index " + e.getIndex());
            return true;
        }
    }

    /** The router's own 400 (it failed to decode the path): the same problem, whatever the reason. */
    static void answer(RoutingContext context) {
        if (!context.response().ended() && !context.response().headWritten()) {
            String reason;
            try {
                new URI(context.request().uri());
                reason = "the request is not valid HTTP";
            } catch (URISyntaxException e) {
                reason = e.getReason() + " at index " + e.getIndex();
            }
            send(context, reason);
        }
    }

    private static void send(RoutingContext context, String reason) {
        String detail = reason.startsWith("Malformed escape pair")
                ? "the path or query has a '%' that is not followed by two hex digits (" + reason + ")"
                : "the request URI is not a valid URI: " + reason;
        ProblemAnswer.of(400, "invalid-uri", "Invalid URI").detail(detail).send(context.response());
    }
}

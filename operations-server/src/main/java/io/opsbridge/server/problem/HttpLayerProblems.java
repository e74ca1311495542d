package io.opsbridge.server.problem;

import io.opsbridge.server.security.AuthChallenges;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own client errors as problem+json, like every other error: a request line or headers over our
 * limits (414, 431; the HTTP codec's limits are set higher, see application.properties, so such a request reaches
 * this check), a body larger than {@code quarkus.http.limits.max-body-size} (413, whether announced by
 * {@code Content-Length} or sent chunked: a chunked body is read here by a {@link BodyHandler} with that limit, which
 * fails the route, rather than by Quarkus REST's {@code VertxInputStream}, which would answer an empty 413), and
 * whatever the router fails with a 4xx; a URI that is not a URI (a bad {@code %} escape) first of all
 * ({@link InvalidUris}: Quarkus's own check, an empty 400 before the router, is left to this one by each app's main class).
 *
 * <p>Not reached, because no hook runs before them (Quarkus 3.32, Vert.x 4.5); each is still a 4xx or no answer:
 * <ul>
 * <li>a NUL or other invalid byte in a header, and a request line or headers past the codec's own limits: Netty's
 * {@code HttpRequestDecoder} marks the request failed and Vert.x ({@code Http1xServerConnection.handleMessage}) hands
 * it to the server's invalid-request handler, {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER} (an empty
 * 400, 414 or 431), not to the router. Only {@code HttpServer.invalidRequestHandler} replaces it, and Quarkus
 * creates the server in {@code VertxHttpRecorder.WebDeploymentVerticle} without exposing it
 * ({@code HttpServerOptionsCustomizer} sees only the options).
 * <li>a malformed chunked body (a chunk size that is not hex): the decoder fails the body, and
 * {@code Http1xServerConnection.handleError} fails the connection ({@code ConnectionBase.fail}), which closes it in
 * the same step: no answer at all, neither a 400 nor a 500 (tried: an answer written from the request's exception
 * handler does not reach the client).
 * </ul>
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final int maxUriLength;
    private final int maxHeadersSize;
    private final long maxBodySize;
    private final BodyHandler chunkedBodies;
    private final AuthChallenges challenges;

    public HttpLayerProblems(AuthChallenges challenges, @ConfigProperty(name = "opsbridge.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "opsbridge.http.max-headers-size", defaultValue = "20480") int maxHeadersSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeadersSize = maxHeadersSize;
        this.maxBodySize = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
        this.challenges = challenges;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerClientError);
        router.errorHandler(400, InvalidUris::answer); // a path the router cannot decode fails before any route
    }

    private void checkLimits(RoutingContext context) {
        if (InvalidUris.refused(context)) {
            return;
        }
        if (context.request().uri().length() > maxUriLength) {
            answer(context.response(), 414, "the request line is longer than " + maxUriLength + " characters");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeadersSize) {
            answer(context.response(), 431, "the request headers are larger than " + maxHeadersSize + " bytes");
            return;
        }
        // a body announced too large is refused here; one sent chunked is cut off by Quarkus (an empty 413)
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodySize) {
            answer(context.response(), 413, "the request body is larger than " + maxBodySize + " bytes");
            return;
        }
        if (length == null && context.request().headers().contains("Transfer-Encoding")) {
            chunkedBodies.handle(context); // reads the body here, so one too large fails the route: 413 below
            return;
        }
        context.next();
    }

    private void answerClientError(RoutingContext context) {
        int status = context.statusCode();
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended()) {
            context.next();
            return;
        }
        // an HTTP permission (quarkus.http.auth.permission.*) refused the caller before any resource ran
        if (context.failure() instanceof UnauthorizedException || context.failure() instanceof AuthenticationFailedException) {
            AuthProblems.unauthenticated(context.failure(), challenges).send(response);
            return;
        }
        if (context.failure() instanceof ForbiddenException) {
            AuthProblems.forbidden().send(response);
            return;
        }
        if (status < 400 || status > 499) {
            context.next();
            return;
        }
        String detail = switch (status) {
            case 400 -> "the request is not valid HTTP";
            case 413 -> "the request body is larger than " + maxBodySize + " bytes";
            default -> HttpStatusProblems.title(status).toLowerCase(java.util.Locale.ROOT);
        };
        answer(response, status, detail);
    }

    private static void answer(HttpServerResponse response, int status, String detail) {
        ProblemAnswer.of(status, "http-" + status, HttpStatusProblems.title(status)).detail(detail)
                .send(response);
    }
}

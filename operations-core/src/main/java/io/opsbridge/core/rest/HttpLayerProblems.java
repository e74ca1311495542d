package io.opsbridge.core.rest;

import io.opsbridge.api.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own client errors as problem+json, like every other error: a request line or
 * headers over our limits (414, 431; the HTTP codec's limits are set higher, see application.properties,
 * so such a request reaches this check), a body announced larger than
 * {@code quarkus.http.limits.max-body-size} (413), and whatever the router fails with a 4xx.
 * Not reached: what Vert.x refuses while decoding (a bad {@code %} escape, a broken chunk, a line or
 * headers past the codec's limits), answered by its invalid-request handler, which Quarkus does not expose.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad request", 404, "Not found", 405, "Method not allowed", 413, "Request body too large",
            414, "URI too long", 415, "Unsupported media type", 431, "Request headers too large");

    private final int maxUriLength;
    private final int maxHeadersSize;
    private final long maxBodySize;

    public HttpLayerProblems(@ConfigProperty(name = "opsbridge.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "opsbridge.http.max-headers-size", defaultValue = "20480") int maxHeadersSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeadersSize = maxHeadersSize;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerClientError);
    }

    private void checkLimits(RoutingContext context) {
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
        context.next();
    }

    private void answerClientError(RoutingContext context) {
        int status = context.statusCode();
        HttpServerResponse response = context.response();
        if (status < 400 || status > 499 || response.headWritten() || response.ended()) {
            context.next();
            return;
        }
        String detail = switch (status) {
            case 400 -> "the request is not valid HTTP (e.g. a bad %-escape or a broken chunked body)";
            case 413 -> "the request body is larger than this server accepts";
            default -> TITLES.getOrDefault(status, "client error").toLowerCase(java.util.Locale.ROOT);
        };
        answer(response, status, detail);
    }

    private static void answer(HttpServerResponse response, int status, String detail) {
        String title = TITLES.getOrDefault(status, "Client error");
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(new JsonObject().put("type", "urn:opsbridge:problem:http-" + status).put("title", title)
                        .put("status", status).put("detail", detail).encode());
    }
}

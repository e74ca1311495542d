package io.opsbridge.core.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.Problem;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * The GETs on a host's read path (a forced read, the long-poll, a metrics page, a result) sent on
 * Vert.x's own HTTP client and decoded once with the application's Jackson mapper. Through the
 * typed REST client a forced host read cost 2.3 to 3.7 times an nginx hop, half of it the client's
 * handler chain, its switch back to the request's context and its readers (docs/benchmarks.md);
 * here the answer arrives as one buffer on the event loop that asked, which is the request's own.
 * One client for every host: its pool keeps keep-alive connections per host, and each request
 * carries the timeouts in force.
 *
 * <p>A status of 400 or more fails the stage with a {@link HostStatusException} (the host's problem
 * when it sent one); {@link HostCalls} classifies it, and every other failure, as for any call.
 */
@ApplicationScoped
public class HostHttp {

    /** As many connections per host as the REST client's default pool: one long-poll per operation holds one. */
    private static final int CONNECTIONS_PER_HOST = 50;

    private final Vertx vertx;
    private final HttpClient client;
    private final ObjectMapper json;

    public HostHttp(Vertx vertx, ObjectMapper json) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxPoolSize(CONNECTIONS_PER_HOST));
        this.json = json;
    }

    /**
     * The host's answer at {@code uri} as a {@code type}, completing on the caller's event loop;
     * {@code token} (when not null) is sent as the bearer credential.
     */
    public <T> CompletionStage<T> get(String uri, Class<T> type, HostTimeouts timeouts, String token) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
                .setConnectTimeout(timeouts.connect().toMillis()).setIdleTimeout(timeouts.read().toMillis())
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (token != null && !token.isBlank()) {
            request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim());
        }
        // the whole exchange is bounded too, whatever becomes of its connection: no read waits forever
        long bound = timeouts.connect().plus(timeouts.read()).toMillis();
        Promise<T> answer = Promise.promise();
        long timer = vertx.setTimer(bound, id -> answer.tryFail(
                new TimeoutException("no answer to GET " + uri + " within " + bound + " ms")));
        client.request(request).compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> decoded(response.statusCode(), body, type)))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    if (result.succeeded()) {
                        answer.tryComplete(result.result());
                    } else {
                        answer.tryFail(result.cause());
                    }
                });
        return answer.future().toCompletionStage();
    }

    private <T> T decoded(int status, Buffer body, Class<T> type) {
        if (status >= 400) {
            throw new HostStatusException(status, problemIn(body));
        }
        try {
            return json.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem+json of an error answer; null when the body is none (a proxy's HTML page, say). */
    private Problem problemIn(Buffer body) {
        try {
            return body.length() == 0 ? null : json.readValue(body.getBytes(), Problem.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}

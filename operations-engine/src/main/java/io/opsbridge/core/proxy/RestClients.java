package io.opsbridge.core.proxy;

import io.opsbridge.core.settings.Settings;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one place that builds Quarkus REST clients for worker hosts, with the proxy timeouts in force
 * when a client is asked for ({@code opsbridge.proxy.connect-timeout}, {@code read-timeout}, read
 * from {@link Settings#current()}) and the host token ({@code opsbridge.proxy.token}) as its bearer
 * header. A built client is reused for the same API, URL, timeouts and token;
 * after a timeout change the next call gets a client built with the new values, while calls in
 * flight keep theirs. Superseded clients are kept, not closed: timeouts change rarely.
 *
 * <pre>{@code
 * OperationsApi api = clients.forHost(OperationsApi.class, "http://gpu-1:8081");
 * }</pre>
 */
@ApplicationScoped
public class RestClients {

    private record Key(Class<?> api, String url, HostTimeouts timeouts, String token) {
    }

    private final Settings settings;
    private final Map<Key, Object> built = new ConcurrentHashMap<>();

    public RestClients(Settings settings) {
        this.settings = settings;
    }

    /** The proxy timeouts in force now. */
    public HostTimeouts timeouts() {
        return HostTimeouts.of(settings.current().proxy());
    }

    /** The host token in force now ({@code opsbridge.proxy.token}); null when none is set. */
    public String token() {
        return settings.current().proxy().token().orElse(null);
    }

    /** A client of {@code api} at {@code url} with the timeouts in force now. */
    public <T> T forHost(Class<T> api, String url) {
        return forHost(api, url, timeouts());
    }

    /** A client of {@code api} at {@code url} with {@code timeouts}, built on first use. */
    public <T> T forHost(Class<T> api, String url, HostTimeouts timeouts) {
        String normalized = HostCalls.normalize(url);
        String token = token();
        return api.cast(built.computeIfAbsent(new Key(api, normalized, timeouts, token),
                key -> build(api, normalized, timeouts, token)));
    }

    /** A new client, not cached; for a caller that owns the client's lifetime (e.g. one proxy in a test). */
    public static <T> T build(Class<T> api, String url, HostTimeouts timeouts) {
        return build(api, url, timeouts, null);
    }

    /** A new client, not cached, that sends {@code token} (when not null) as its bearer credential. */
    public static <T> T build(Class<T> api, String url, HostTimeouts timeouts, String token) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(HostCalls.normalize(url)))
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS);
        if (token != null && !token.isBlank()) {
            String header = "Bearer " + token.trim();
            builder.register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", header));
        }
        return builder.build(api);
    }
}

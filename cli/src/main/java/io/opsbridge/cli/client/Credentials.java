package io.opsbridge.cli.client;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Which server and token a command uses, least privilege first: the token is {@code OPSBRIDGE_TOKEN},
 * else the current saved login's ({@code opsbridge login}) when the command talks to that login's
 * server. Nothing else: the CLI never picks up the admin token the backend writes to
 * {@code data/admin-token} on its own, so without a login a command runs with no token at all and an
 * admin command is refused until you log in with a token that may do it.
 */
public final class Credentials {

    /** The default address when neither {@code --url}, {@code OPSBRIDGE_URL} nor a login names one. */
    public static final URI DEFAULT_URL = URI.create("http://localhost:8080");

    private Credentials() {
    }

    /** The server: {@code --url}, else {@code OPSBRIDGE_URL}, else the current login's, else localhost:8080. */
    public static URI server(URI option, Map<String, String> env, Contexts contexts, java.util.function.Function<String, URI> parse) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get("OPSBRIDGE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse.apply(fromEnv);
        }
        return contexts.current().map(c -> parse.apply(c.url())).orElse(DEFAULT_URL);
    }

    /** The token to send to {@code base}, if any. */
    public static Optional<String> forServer(URI base, Map<String, String> env, Contexts contexts) {
        String token = env.get("OPSBRIDGE_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of(token.trim());
        }
        return contexts.current().filter(c -> sameServer(c.url(), base)).map(Contexts.Context::token)
                .filter(t -> !t.isBlank());
    }

    private static boolean sameServer(String saved, URI base) {
        return strip(saved).equals(strip(base.toString()));
    }

    private static String strip(String url) {
        return url.replaceAll("/+$", "");
    }
}

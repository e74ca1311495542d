package io.opsbridge.server.security;

import io.opsbridge.api.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates, checks and revokes bearer API tokens. A token reads {@code obt_<id>_<secret>}: the id
 * finds the row, the 256-bit random secret is compared (in constant time) with its stored SHA-256.
 * A random secret of that size needs no slow password hash; the JDK's {@code SecureRandom} and
 * {@code MessageDigest} are the only crypto.
 *
 * <pre>{@code
 * ApiTokens.Created created = tokens.create("ci-deploy", "operator"); // created.secret() shown once
 * }</pre>
 */
@ApplicationScoped
public class ApiTokens {

    /** A new token: the only moment its full text exists on the server. */
    public record Created(ApiToken token, String secret) {
    }

    private static final Pattern FORMAT = Pattern.compile("^obt_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore store;
    private final Clock clock;

    public ApiTokens(ApiTokenStore store) {
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    /** @throws InvalidRequestException naming {@code name} or {@code role} */
    public Created create(String name, String role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "must be 1-64 letters, digits, spaces, '.', '_' or '-'");
        }
        if (!Roles.isRole(role)) {
            throw new InvalidRequestException("role", "must be one of " + Roles.ALL);
        }
        String id = randomId();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = new ApiToken(id, name, role, clock.instant(), null);
        store.insert(token, sha256(secret));
        return new Created(token, "obt_" + id + "_" + secret);
    }

    /** Keeps the hash of a token the operator chose ({@code opsbridge.security.admin-token}) under a fixed id. */
    public void registerConfigured(String id, String name, String role, String presented) {
        if (store.findActive(id).isEmpty()) {
            store.insert(new ApiToken(id, name, role, clock.instant(), null), sha256(presented));
        }
    }

    /** The active token this bearer text is, if any. */
    public Optional<ApiToken> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        String id = m.matches() ? m.group(1) : configuredId(presented);
        String secret = m.matches() ? m.group(2) : presented;
        return store.findActive(id)
                .filter(s -> MessageDigest.isEqual(s.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(StandardCharsets.US_ASCII)))
                .map(ApiTokenStore.Stored::token);
    }

    public List<ApiToken> list() {
        return store.list();
    }

    /** @return whether the token was active and is revoked now */
    public boolean revoke(String id) {
        return store.revoke(id, Instant.now(clock));
    }

    /**
     * The id under which a configured token (not in the {@code obt_} format) is kept: derived
     * from its hash, so the token itself finds its row and no other text does.
     */
    static String configuredId(String presented) {
        return "cfg" + sha256("id:" + presented).substring(0, 9);
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

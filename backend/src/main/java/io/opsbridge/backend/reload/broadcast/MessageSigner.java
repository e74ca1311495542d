package io.opsbridge.backend.reload.broadcast;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs reload messages with HMAC-SHA256 under the current key and accepts the current and the
 * previous key, so a secret can be rotated one replica at a time: first every replica learns the
 * new key as current with the old one as previous, then the old one is dropped.
 *
 * <pre>{@code
 * MessageSigner signer = new MessageSigner(new Key("k2", secret2), Optional.of(new Key("k1", secret1)));
 * ReloadMessage sent = signer.sign(message);
 * signer.check(sent);   // Optional.empty(): good
 * }</pre>
 */
public final class MessageSigner {

    /** A shared secret and the id that names it in {@code key_id}. */
    public record Key(String id, String secret) {
        public Key {
            if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("a key needs an id and a secret");
            }
        }
    }

    private final Key current;
    private final Optional<Key> previous;
    private final boolean unsigned;

    public MessageSigner(Key current, Optional<Key> previous) {
        this.current = current;
        this.previous = previous;
        this.unsigned = false;
    }

    private MessageSigner() {
        this.current = null;
        this.previous = Optional.empty();
        this.unsigned = true;
    }

    /**
     * The signer {@code config} asks for: its current key and, while keys rotate, the previous one;
     * the unsigned one only with {@code allow-unsigned=true}; none without a secret.
     */
    static Optional<MessageSigner> from(BroadcastConfig config) {
        Optional<String> secret = config.secret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return config.allowUnsigned() ? Optional.of(unsigned()) : Optional.empty();
        }
        Optional<Key> previous = config.previousSecret().filter(s -> !s.isBlank())
                .map(s -> new Key(config.previousKeyId().orElse("previous"), s));
        return Optional.of(new MessageSigner(new Key(config.keyId(), secret.get()), previous));
    }

    /** Signs nothing and accepts every message: only with {@code opsbridge.broadcast.allow-unsigned=true}. */
    public static MessageSigner unsigned() {
        return new MessageSigner();
    }

    public boolean isUnsigned() {
        return unsigned;
    }

    public ReloadMessage sign(ReloadMessage message) {
        if (unsigned) {
            return message.signed(null, null);
        }
        return message.signed(current.id(), hmac(current.secret(), message.signed(current.id(), null).canonical()));
    }

    /** Why the message's signature is not acceptable, or empty if it is. */
    public Optional<Rejection> check(ReloadMessage message) {
        if (unsigned) {
            return Optional.empty();
        }
        Optional<Key> key = keyNamed(message.keyId());
        if (key.isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_KEY);
        }
        if (message.signature() == null) {
            return Optional.of(Rejection.BAD_SIGNATURE);
        }
        byte[] expected = hmac(key.get().secret(), message.canonical()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = message.signature().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        // constant time: no timing hint about how much of a forged signature was right
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of(Rejection.BAD_SIGNATURE);
    }

    private Optional<Key> keyNamed(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.equals(current.id())) {
            return Optional.of(current);
        }
        return previous.filter(k -> k.id().equals(id));
    }

    /** Lower-case hex HMAC-SHA256 of {@code text} (what {@code openssl dgst -sha256 -hmac} prints). */
    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}

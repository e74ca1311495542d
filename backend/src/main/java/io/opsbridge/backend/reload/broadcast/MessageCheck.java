package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a received payload may trigger anything: well-formed, signed by a known key,
 * issued within the allowed skew, and never seen before. A message id is remembered (Caffeine,
 * twice the skew, so a replay inside the window is caught and one outside it is already stale)
 * only after its signature checked out, so a forger cannot poison the list.
 */
public final class MessageCheck {

    /** A payload's verdict: the message, or why it was rejected. */
    public record Verdict(ReloadMessage message, Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }

    private final MessageSigner signer;
    private final Duration maxSkew;
    private final Clock clock;
    private final ObjectMapper json;
    private final Cache<String, Boolean> seen;

    public MessageCheck(MessageSigner signer, Duration maxSkew, Clock clock) {
        this.signer = signer;
        this.maxSkew = maxSkew;
        this.clock = clock;
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.seen = Caffeine.newBuilder().expireAfterWrite(maxSkew.multipliedBy(2)).maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    public Verdict check(String payload) {
        ReloadMessage message;
        Instant issued;
        try {
            message = json.readValue(payload, ReloadMessage.class);
            issued = Instant.parse(message.issuedAt());
        } catch (Exception e) { // NOPMD: any unreadable payload is malformed, whatever the parser says
            return new Verdict(null, Rejection.MALFORMED);
        }
        if (!(message.isModel() || message.isSettings()) || message.messageId() == null
                || (message.isModel() && message.strategy() == null)) {
            return new Verdict(message, Rejection.MALFORMED);
        }
        var signature = signer.check(message);
        if (signature.isPresent()) {
            return new Verdict(message, signature.get());
        }
        if (Duration.between(issued, clock.instant()).abs().compareTo(maxSkew) > 0) {
            return new Verdict(message, Rejection.STALE);
        }
        if (seen.asMap().putIfAbsent(message.messageId(), Boolean.TRUE) != null) {
            return new Verdict(message, Rejection.REPLAYED);
        }
        return new Verdict(message, null);
    }
}

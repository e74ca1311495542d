package io.opsbridge.backend.reload.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final MessageSigner.Key K1 = new MessageSigner.Key("k1", "old-secret");
    private static final MessageSigner.Key K2 = new MessageSigner.Key("k2", "new-secret");

    private final ObjectMapper json = new ObjectMapper();
    private MutableClock clock = new MutableClock(NOW);
    private final MessageSigner receiver = new MessageSigner(K2, Optional.of(K1));
    private final MessageCheck check = new MessageCheck(receiver, Duration.ofSeconds(60), clock);

    @Test
    void aMessageSignedWithTheCurrentKeyIsAccepted() throws Exception {
        MessageCheck.Verdict verdict = check.check(payload(receiver.sign(model("m1", NOW))));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.message().targetVersion()).isEqualTo("v3");
    }

    @Test
    void theKeyBeingRotatedOutIsStillAccepted() throws Exception {
        MessageSigner oldSender = new MessageSigner(K1, Optional.empty());
        assertThat(check.check(payload(oldSender.sign(model("m1", NOW)))).accepted()).isTrue();
    }

    @Test
    void aKeyIdNeitherCurrentNorPreviousIsRejectedAsUnknownKey() throws Exception {
        MessageSigner stranger = new MessageSigner(new MessageSigner.Key("k0", "old-secret"), Optional.empty());
        assertThat(check.check(payload(stranger.sign(model("m1", NOW)))).rejection())
                .isEqualTo(Rejection.UNKNOWN_KEY);
        assertThat(check.check(payload(model("m2", NOW))).rejection()).as("no key id at all")
                .isEqualTo(Rejection.UNKNOWN_KEY);
    }

    @Test
    void aForgedOrAlteredMessageIsRejectedAsBadSignature() throws Exception {
        MessageSigner forger = new MessageSigner(new MessageSigner.Key("k2", "guessed"), Optional.empty());
        assertThat(check.check(payload(forger.sign(model("m1", NOW)))).rejection())
                .isEqualTo(Rejection.BAD_SIGNATURE);
        ReloadMessage good = receiver.sign(model("m2", NOW));
        ReloadMessage altered = new ReloadMessage(good.kind(), good.strategy(), "v9", good.messageId(),
                good.originNode(), good.issuedAt(), good.keyId(), good.signature());
        assertThat(check.check(payload(altered)).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
    }

    @Test
    void aMessageIssuedMoreThanSixtySecondsAwayIsStaleEitherWay() throws Exception {
        assertThat(check.check(payload(receiver.sign(model("old", NOW.minusSeconds(61))))).rejection())
                .isEqualTo(Rejection.STALE);
        assertThat(check.check(payload(receiver.sign(model("future", NOW.plusSeconds(61))))).rejection())
                .isEqualTo(Rejection.STALE);
        assertThat(check.check(payload(receiver.sign(model("edge", NOW.minusSeconds(59))))).accepted()).isTrue();
    }

    @Test
    void theSameMessageTwiceIsAReplay() throws Exception {
        String once = payload(receiver.sign(model("m1", NOW)));
        assertThat(check.check(once).accepted()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(check.check(once).rejection()).isEqualTo(Rejection.REPLAYED);
        clock.advance(Duration.ofSeconds(60));
        assertThat(check.check(once).rejection()).as("outside the window it is stale, never accepted again")
                .isEqualTo(Rejection.STALE);
    }

    @Test
    void aForgeryDoesNotBlockTheGenuineMessageWithTheSameId() throws Exception {
        MessageSigner forger = new MessageSigner(new MessageSigner.Key("k2", "guessed"), Optional.empty());
        assertThat(check.check(payload(forger.sign(model("m1", NOW)))).accepted()).isFalse();
        assertThat(check.check(payload(receiver.sign(model("m1", NOW)))).accepted()).isTrue();
    }

    @Test
    void garbageAndIncompleteMessagesAreMalformed() {
        assertThat(check.check("not json").rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(check.check("{\"kind\":\"model\",\"strategy\":\"s\",\"message_id\":\"x\"}").rejection())
                .as("no issued_at").isEqualTo(Rejection.MALFORMED);
        assertThat(check.check("{\"kind\":\"coffee\",\"message_id\":\"x\",\"issued_at\":\"" + NOW + "\"}")
                .rejection()).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void unsignedModeAcceptsWithoutSignatureButStillRejectsReplays() throws Exception {
        MessageCheck open = new MessageCheck(MessageSigner.unsigned(), Duration.ofSeconds(60), clock);
        String message = payload(MessageSigner.unsigned().sign(model("m1", NOW)));
        assertThat(open.check(message).accepted()).isTrue();
        assertThat(open.check(message).rejection()).isEqualTo(Rejection.REPLAYED);
    }

    @Test
    void theSignatureIsTheHmacOfTheCanonicalFormAsOpensslWouldPrintIt() {
        ReloadMessage signed = receiver.sign(model("m1", NOW));
        assertThat(signed.keyId()).isEqualTo("k2");
        assertThat(signed.canonical()).isEqualTo("model\nmlp_direction\nv3\nm1\nreplica-a\n" + NOW + "\nk2");
        // printf 'model\nmlp_direction\nv3\nm1\nreplica-a\n2026-12-01T12:00:00Z\nk2' | openssl dgst -sha256 -hmac new-secret
        assertThat(signed.signature()).isEqualTo("c53e6417aa6256c9d93804f44aadbf3b1e7be22d998d162498802d90f51281eb");
    }

    private static ReloadMessage model(String id, Instant issued) {
        return new ReloadMessage("model", "mlp_direction", "v3", id, "replica-a", issued.toString(), null, null);
    }

    private String payload(ReloadMessage message) throws Exception {
        return json.writeValueAsString(message);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package io.opsbridge.backend.reload.broadcast;

import java.util.Locale;

/** Why a received message was dropped without effect; each is counted and logged. */
public enum Rejection {
    /** Not JSON, or a field it needs is missing or unknown. */
    MALFORMED,
    /** {@code key_id} names neither the current nor the previous key. */
    UNKNOWN_KEY,
    /** The HMAC does not match: forged, or signed with another secret. */
    BAD_SIGNATURE,
    /** {@code issued_at} is more than the allowed skew from this replica's clock. */
    STALE,
    /** A {@code message_id} already accepted: a replay. */
    REPLAYED;

    /** The wire and metric tag name, e.g. {@code bad_signature}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

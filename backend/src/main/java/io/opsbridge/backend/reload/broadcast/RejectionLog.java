package io.opsbridge.backend.reload.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Logs a rejected message at most once a minute per reason, so a flood of forgeries cannot flood the log. */
final class RejectionLog {

    private static final Logger LOG = Logger.getLogger(RejectionLog.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<Rejection, Instant> lastLogged = new EnumMap<>(Rejection.class);
    private final Map<Rejection, Long> since = new EnumMap<>(Rejection.class);

    RejectionLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void rejected(Rejection reason, ReloadMessage message) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(reason);
        long suppressed = since.merge(reason, 1L, Long::sum) - 1;
        if (last != null && last.plus(EVERY).isAfter(now)) {
            return;
        }
        lastLogged.put(reason, now);
        since.put(reason, 0L);
        LOG.warnf("broadcast: message rejected (%s): id %s from %s, key %s%s", reason.tag(),
                message == null ? "?" : message.messageId(), message == null ? "?" : message.originNode(),
                message == null ? "?" : message.keyId(),
                suppressed > 0 ? "; " + suppressed + " more since the last log of this reason" : "");
    }
}

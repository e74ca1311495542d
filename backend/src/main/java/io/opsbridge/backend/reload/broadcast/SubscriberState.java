package io.opsbridge.backend.reload.broadcast;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The states of a replica's one subscription and, in one place, every legal change between them:
 * stopped → subscribing → subscribed → backing off → subscribing ..., and any → stopped.
 */
public enum SubscriberState {
    STOPPED, SUBSCRIBING, SUBSCRIBED, BACKING_OFF;

    private static final Map<SubscriberState, Set<SubscriberState>> NEXT = Map.of(
            STOPPED, EnumSet.of(SUBSCRIBING),
            SUBSCRIBING, EnumSet.of(SUBSCRIBED, BACKING_OFF, STOPPED),
            SUBSCRIBED, EnumSet.of(BACKING_OFF, STOPPED),
            BACKING_OFF, EnumSet.of(SUBSCRIBING, STOPPED));

    public boolean canMoveTo(SubscriberState next) {
        return NEXT.get(this).contains(next);
    }

    /** The wire and metric name, e.g. {@code backing_off}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

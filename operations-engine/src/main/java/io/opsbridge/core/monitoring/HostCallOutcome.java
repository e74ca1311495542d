package io.opsbridge.core.monitoring;

import java.util.Locale;

/** How one call to a worker host ended; the {@code outcome} tag of the host-call metrics. */
public enum HostCallOutcome {
    /** The host answered with a 2xx. */
    OK,
    /** The host accepted the connection but did not answer within the read timeout. */
    TIMEOUT,
    /** No connection: refused, unknown host, no route, closed. */
    UNREACHABLE,
    /** The host answered with a 4xx or 5xx (including 404). */
    REJECTED,
    /** The host answered, but not with the contract (unreadable body). */
    INVALID;

    /** The tag value, e.g. {@code unreachable}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the host answered at all: reachable, even if it refused. */
    public boolean reachable() {
        return this == OK || this == REJECTED || this == INVALID;
    }
}

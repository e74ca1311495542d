package io.opsbridge.core.follow;

import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Instant;

/**
 * Whether the host of one operation answers: since when it has not, kept in the mapping store so
 * replicas and a restarted process agree on when the silence began. Read without a lock.
 */
final class HostContact {

    private final String operationId;
    private final RemoteMappingStore mappings;
    /** Volatile: {@link #since} runs on the event loop for cached reads and never waits for a pull. */
    private volatile Instant unreachableSince;

    HostContact(RemoteMapping mapping, RemoteMappingStore mappings) {
        this.operationId = mapping.operationId();
        this.mappings = mappings;
        this.unreachableSince = mapping.unreachableSince();
    }

    /** The host answered; true if it had not answered before (the contact is stored then). */
    boolean answered(Instant now) {
        if (unreachableSince == null) {
            return false;
        }
        mappings.recordContact(operationId, now);
        unreachableSince = null;
        return true;
    }

    /** The host failed a call: since when it has not answered (the first failure is stored). */
    Instant failed(Instant now) {
        if (unreachableSince == null) {
            mappings.recordUnreachable(operationId, now);
            unreachableSince = mappings.find(operationId).map(RemoteMapping::unreachableSince).orElse(now);
        }
        return unreachableSince;
    }

    boolean reachable() {
        return unreachableSince == null;
    }

    /** The first failed call since the host's last answer; null while it answers. */
    Instant since() {
        return unreachableSince;
    }
}

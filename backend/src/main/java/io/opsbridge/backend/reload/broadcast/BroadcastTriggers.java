package io.opsbridge.backend.reload.broadcast;

/** The settings reload trigger a broadcast uses, so that reload is not announced again (no echo). */
final class BroadcastTriggers {

    static final String BROADCAST = "broadcast";

    private BroadcastTriggers() {
    }
}

package io.opsbridge.backend.reload.broadcast;

/**
 * Whether the broadcast runs here, and why not.
 *
 * @param mode {@code off} (no Redis configured), {@code disabled} (Redis configured, no secret),
 *             {@code on}
 */
public record BroadcastStatus(String mode, String reason, String channel, String nodeId) {

    public static final String OFF = "off";
    public static final String DISABLED = "disabled";
    public static final String ON = "on";

    public boolean running() {
        return ON.equals(mode);
    }
}

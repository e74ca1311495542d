package io.opsbridge.backend.reload.broadcast;

import java.time.Instant;

/**
 * The broadcast as the replicas view shows it for this replica.
 *
 * @param subscriberState the subscription's state, or the broadcast's mode when it does not run
 * @param pending         a settings hash announced but not in this replica's file yet, if any
 */
public record BroadcastActivity(String subscriberState, Instant lastReloadAt, String lastError, String pending) {
}

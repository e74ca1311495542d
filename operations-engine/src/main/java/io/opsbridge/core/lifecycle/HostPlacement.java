package io.opsbridge.core.lifecycle;

/**
 * Where a host accepted the new attempt of an operation: the host's URL, its id for the operation and
 * its session, as {@link LostHosts} records them.
 */
public record HostPlacement(String hostUrl, String hostOperationId, String sessionId) {
}

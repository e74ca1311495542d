package io.opsbridge.core.replicas;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who this process is among the replicas of one database: its node id ({@code opsbridge.store.node-id},
 * the owner recorded on the operations it runs), the instance id of this start (a new UUID each
 * time, so a restart is told apart from a second process with the same node id) and the URL the
 * others reach it at.
 */
public record ReplicaIdentity(String nodeId, String instanceId, String advertisedUrl) {

    /** This start's identity: the configured node id (else the host name) and advertised URL (else the canonical host name and {@code httpPort}). */
    public static ReplicaIdentity of(Optional<String> nodeId, Optional<String> advertisedUrl, int httpPort) {
        String node = nodeId.filter(id -> !id.isBlank()).map(String::trim).orElseGet(() -> hostName(false));
        String url = advertisedUrl.filter(u -> !u.isBlank()).map(ReplicaIdentity::withoutSlash)
                .orElseGet(() -> "http://" + hostName(true) + ":" + httpPort);
        return new ReplicaIdentity(node, UUID.randomUUID().toString(), url);
    }

    private static String hostName(boolean canonical) {
        try {
            InetAddress local = InetAddress.getLocalHost();
            return canonical ? local.getCanonicalHostName() : local.getHostName();
        } catch (UnknownHostException e) {
            return canonical ? "localhost" : "local";
        }
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

package io.opsbridge.core.replicas;

/**
 * The headers of a request one replica forwards to the owner of an operation. They are honoured
 * only on a request that carries the cluster token ({@code opsbridge.replica.cluster-token}): the
 * owner then answers it itself, never forwards it again (a request never bounces between
 * replicas), and refuses one meant for another replica (its advertised URL reaches the wrong process).
 */
public final class Forwarding {

    /** The node id the forward is meant for. */
    public static final String TO = "X-OpsBridge-Forwarded-To";
    /** The node id of the replica that forwards. */
    public static final String BY = "X-OpsBridge-Forwarded-By";
    /** The caller the replica forwards for (its audit name, e.g. {@code token:ab12}), on a cancel. */
    public static final String FOR = "X-OpsBridge-Forwarded-For";

    private Forwarding() {
    }
}

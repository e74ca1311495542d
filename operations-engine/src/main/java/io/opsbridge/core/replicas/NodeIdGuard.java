package io.opsbridge.core.replicas;

import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Keeps node ids unique among live replicas: a replica refuses to start only while another process
 * answers at its node id's recorded URL with another instance id. A node id whose last start is
 * gone (killed, crashed) is taken at once, so a restart right after kill -9 works.
 */
public final class NodeIdGuard {

    private static final Logger LOG = Logger.getLogger(NodeIdGuard.class);

    private NodeIdGuard() {
    }

    /**
     * @param whoAnswers who answers at a URL now, empty if nothing answers there
     * @throws IllegalStateException naming the node id, the URL and what to do, if another live process has it
     */
    public static void check(ReplicaIdentity me, JdbcReplicaStore store, Function<String, Optional<ReplicaApi.Answer>> whoAnswers) {
        Optional<Replica> recorded = store.find(me.nodeId());
        if (recorded.isEmpty()) {
            return;
        }
        Replica last = recorded.get();
        // live: the very start recorded answers there; anything else (nothing, this process already
        // listening, another process on a reused port) means the recorded start is gone
        Optional<String> answering = whoAnswers.apply(last.advertisedUrl())
                .filter(answer -> me.nodeId().equals(answer.nodeId())).map(ReplicaApi.Answer::instanceId);
        if (answering.isPresent() && answering.get().equals(last.instanceId()) && !answering.get().equals(me.instanceId())) {
            throw new IllegalStateException("node id '" + me.nodeId() + "' is in use: another replica answers at "
                    + last.advertisedUrl() + " (instance " + answering.get() + ", started " + last.startedAt()
                    + "). Give this replica its own opsbridge.store.node-id (OPSBRIDGE_STORE_NODE_ID)");
        }
        LOG.infof("node id '%s' taken over from its last start (instance %s at %s, %s)", me.nodeId(),
                last.instanceId(), last.advertisedUrl(), answering.isPresent() ? "another process answers" : "not answering");
    }
}

package io.opsbridge.core.replicas;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How this replica is found and vouched for by the others on one database; read at startup. */
@ConfigMapping(prefix = "opsbridge.replica")
public interface ReplicaConfig {

    /**
     * Where the other replicas reach this one ({@code http://10.0.0.5:8080}); defaults to this
     * machine's canonical host name and the HTTP port. Set it in a container whose own name others
     * cannot resolve. Never the load balancer's address: a forward must reach this very process.
     */
    Optional<String> advertisedUrl();

    /** How often this replica renews its liveness stamp in the database (the {@code replica-heartbeat} timer). */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /**
     * The secret replicas present to each other when one forwards a read or a cancel to the owner of
     * an operation (accepted as operator); from a Secret in production. Without it nothing is forwarded.
     */
    Optional<String> clusterToken();
}

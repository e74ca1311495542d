package io.opsbridge.backend.replicas;

import io.opsbridge.core.replicas.Forwarding;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.server.problem.ProblemAnswer;
import io.opsbridge.server.security.ClusterToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request another replica forwarded (it carries the cluster token and names the replica it is
 * meant for) that reached a different replica is refused with 421 Misdirected Request: the intended
 * replica's advertised URL leads elsewhere (a load balancer's, say). It is never forwarded again, so
 * a request cannot bounce between replicas; the forwarding replica then answers from the record.
 */
public class ForwardedRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ReplicaIdentity me;
    private final ClusterToken clusterToken;

    public ForwardedRequestFilter(ReplicaIdentity me, ClusterToken clusterToken) {
        this.me = me;
        this.clusterToken = clusterToken;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseMisdirected(ContainerRequestContext request) {
        String to = request.getHeaderString(Forwarding.TO);
        if (to == null || to.equals(me.nodeId()) || !fromAReplica(request.getHeaderString("Authorization"))) {
            return Optional.empty();
        }
        return Optional.of(ProblemAnswer.of(421, "misdirected-request", "Forwarded to the wrong replica")
                .detail("this request was forwarded for replica '" + to + "', but this is replica '" + me.nodeId()
                        + "': set opsbridge.replica.advertised-url of '" + to + "' to a URL that reaches it alone")
                .response());
    }

    private boolean fromAReplica(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && clusterToken.matches(authorization.substring(BEARER.length()));
    }
}

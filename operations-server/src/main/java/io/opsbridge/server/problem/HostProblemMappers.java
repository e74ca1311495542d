package io.opsbridge.server.problem;

import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostTimeoutException;
import io.opsbridge.core.proxy.HostUnreachableException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A worker host's failure that reaches a client (e.g. when starting work on it) as problem+json:
 * 503 when no host could be reached, 504 when it did not answer in time, 502 for any other bad answer.
 */
public class HostProblemMappers {

    @ServerExceptionMapper
    public Response unreachable(HostUnreachableException e) {
        return Response.fromResponse(ProblemMappers.problem(503, "host-unreachable", "Worker host unreachable",
                e.getMessage(), null)).header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response timeout(HostTimeoutException e) {
        return ProblemMappers.problem(504, "host-timeout", "Worker host did not answer in time", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response badAnswer(HostException e) {
        return ProblemMappers.problem(502, "host-error", "Worker host failed", e.getMessage(), null);
    }
}

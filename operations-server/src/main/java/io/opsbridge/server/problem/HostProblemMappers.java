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
        return ProblemAnswer.of(503, "host-unreachable", "Worker host unreachable").detail(e.getMessage()).retryAfter(5)
                .response();
    }

    @ServerExceptionMapper
    public Response timeout(HostTimeoutException e) {
        return ProblemAnswer.of(504, "host-timeout", "Worker host did not answer in time").detail(e.getMessage())
                .response();
    }

    @ServerExceptionMapper
    public Response badAnswer(HostException e) {
        return ProblemAnswer.of(502, "host-error", "Worker host failed").detail(e.getMessage()).response();
    }
}

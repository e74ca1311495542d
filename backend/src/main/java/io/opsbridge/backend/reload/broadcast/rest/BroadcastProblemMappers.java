package io.opsbridge.backend.reload.broadcast.rest;

import io.opsbridge.backend.reload.broadcast.BroadcastUnavailableException;
import io.opsbridge.server.problem.ProblemAnswer;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Broadcast errors as {@code application/problem+json}: not running here, or Redis not answering (503, retry later). */
public class BroadcastProblemMappers {

    @ServerExceptionMapper
    public Response unavailable(BroadcastUnavailableException e) {
        return ProblemAnswer.of(503, "broadcast-unavailable", "Reload broadcast not running").detail(e.getMessage())
                .retryAfter(5).response();
    }
}

package io.opsbridge.backend.reload.broadcast.rest;

import io.opsbridge.api.Problem;
import io.opsbridge.backend.reload.broadcast.BroadcastUnavailableException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Broadcast errors as {@code application/problem+json}: not running here, or Redis not answering (503, retry later). */
public class BroadcastProblemMappers {

    @ServerExceptionMapper
    public Response unavailable(BroadcastUnavailableException e) {
        return problem("broadcast-unavailable", "Reload broadcast not running", e.getMessage());
    }

    private static Response problem(String type, String title, String detail) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", 5)
                .entity(new Problem("urn:opsbridge:problem:" + type, title, 503, detail, null)).build();
    }
}

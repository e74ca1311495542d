package io.opsbridge.core.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.Problem;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.OperationGoneException;
import io.opsbridge.core.OperationNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become {@code application/problem+json}. Resources throw domain
 * exceptions; nothing else builds an error body. A client's mistake is never a 500 and no answer
 * carries a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response notFound(OperationNotFoundException e) {
        return problem(404, "not-found", "Operation not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response gone(OperationGoneException e) {
        return problem(410, "gone", "Operation expired", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return problem(409, "illegal-transition", "Illegal status change", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(409, "conflict", "Conflict", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response capacity(CapacityExceededException e) {
        return Response.fromResponse(problem(503, "capacity-exceeded", "No worker available", e.getMessage(), null))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonMappingException.class,
            JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e) {
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        return problem(400, "malformed-json", "Malformed JSON", describeJsonError(e), fieldPath(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        JsonProcessingException json = causeOfType(e, JsonProcessingException.class);
        if (json != null) {
            return malformedJson(json);
        }
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        LOG.error("unexpected error while answering a request", e);
        return problem(500, "internal-error", "Internal error", "an unexpected error occurred; see the server log", null);
    }

    static Response problem(int status, String type, String title, String detail, String field) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:opsbridge:problem:" + type, title, status, detail, field))
                .build();
    }

    private static String describeJsonError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "the request body is not valid JSON" : message;
    }

    private static String fieldPath(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

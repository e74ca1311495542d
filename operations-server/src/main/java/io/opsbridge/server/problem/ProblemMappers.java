package io.opsbridge.server.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.ConflictException;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.OperationGoneException;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.server.security.AuthChallenges;
import io.opsbridge.server.security.RateLimitExceededException;
import io.opsbridge.server.security.TokenNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The platform's exceptions mapped to their problem answers: resources throw domain exceptions and
 * build no error body; every body is made by {@link ProblemAnswer} (the HTTP layer's own errors, in
 * {@link HttpLayerProblems}, and the backend's models, broadcast and signals mappers too). A client's
 * mistake is never a 500 and no answer carries a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AuthChallenges challenges;

    public ProblemMappers(AuthChallenges challenges) {
        this.challenges = challenges;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return ProblemAnswer.of(400, "invalid-request", "Invalid request").detail(e.getMessage()).field(e.field())
                .response();
    }

    @ServerExceptionMapper
    public Response notFound(OperationNotFoundException e) {
        return ProblemAnswer.of(404, "not-found", "Operation not found").detail(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response tokenNotFound(TokenNotFoundException e) {
        return ProblemAnswer.of(404, "token-not-found", "Token not found").detail(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response gone(OperationGoneException e) {
        return ProblemAnswer.of(410, "gone", "Operation expired").detail(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return ProblemAnswer.of(409, "illegal-transition", "Illegal status change").detail(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return ProblemAnswer.of(409, "conflict", "Conflict").detail(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response capacity(CapacityExceededException e) {
        return ProblemAnswer.of(503, "capacity-exceeded", "No worker available").detail(e.getMessage()).retryAfter(5)
                .response();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return AuthProblems.unauthenticated(e, challenges).response();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitExceededException e) {
        return ProblemAnswer.of(429, "rate-limited", "Too many requests").detail(e.getMessage())
                .retryAfter(e.retryAfterSeconds()).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return AuthProblems.forbidden().response();
    }

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonMappingException.class,
            JsonProcessingException.class})
    public Response malformedJson(JsonProcessingException e) {
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        String field = fieldPath(e);
        // well-formed JSON that does not fit the request (a wrong type, an unknown field) is not "malformed"
        boolean wellFormed = !(e instanceof JsonParseException) && !(e instanceof JsonEOFException)
                && e instanceof MismatchedInputException && field != null;
        return (wellFormed ? ProblemAnswer.of(400, "invalid-field", "Invalid field")
                : ProblemAnswer.of(400, "malformed-json", "Malformed JSON")).detail(describeJsonError(e)).field(field)
                .response();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        JsonProcessingException json = causeOfType(e, JsonProcessingException.class);
        if (json != null) {
            return malformedJson(json);
        }
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        return HttpStatusProblems.of(e, request).response();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        InvalidRequestException invalid = causeOfType(e, InvalidRequestException.class);
        if (invalid != null) {
            return invalidRequest(invalid);
        }
        LOG.error("unexpected error while answering a request", e);
        return ProblemAnswer.of(500, "internal-error", "Internal error")
                .detail("an unexpected error occurred; see the server log").response();
    }

    /** What was wrong, in the client's terms: JSON kinds and field names, never a Java type. */
    private static String describeJsonError(JsonProcessingException e) {
        String field = fieldPath(e, true);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + (field != null ? field : unknown.getPropertyName()) + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = jsonKind(mismatch.getTargetType());
            return field == null ? "the request body must be " + expected : "field '" + field + "' must be " + expected;
        }
        if (e instanceof JsonParseException || e instanceof JsonEOFException) {
            String message = e.getOriginalMessage();
            return "the request body is not valid JSON" + (message == null ? "" : ": " + shorten(message));
        }
        return field == null ? "the request body does not fit this endpoint" : "field '" + field + "' has an invalid value";
    }

    private static String jsonKind(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String fieldPath(JsonProcessingException e) {
        return fieldPath(e, false);
    }

    /** The field at fault ({@code symbols}); {@code withIndex}, the item too ({@code symbols[1]}), for the detail. */
    private static String fieldPath(JsonProcessingException e, boolean withIndex) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (withIndex && ref.getIndex() >= 0 && !path.isEmpty()) {
                    path.append('[').append(ref.getIndex()).append(']'); // symbols[1]
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

package io.opsbridge.server.problem;

import io.opsbridge.api.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error answers every OpenAPI document of ours shares: the {@code Problem} schema
 * (RFC 9457, {@code application/problem+json}) and one named response per status, which the
 * resources refer to by name, e.g. {@code @APIResponse(responseCode = "404", ref = "NotFound")}.
 * 429 and 503 carry {@code Retry-After}, 401 {@code WWW-Authenticate}. Every operation declares the
 * answers the HTTP layer may give it: 406 (an {@code Accept} it cannot meet), 414, 431 and, with a body, 413 and 415.
 */
@OpenApiFilter
public class ProblemResponsesFilter implements OASFilter {

    /** Response name to (status, description). */
    private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put("BadRequest", "400 Bad input: `field` names the parameter or body field, `detail` says why");
        RESPONSES.put("Unauthorized", "401 A token is needed: send Authorization: Bearer <token>");
        RESPONSES.put("Forbidden", "403 The token's role may not do this");
        RESPONSES.put("NotFound", "404 No such operation, model or data");
        RESPONSES.put("Conflict", "409 Not possible in the current state (an illegal transition, a reused Idempotency-Key, a model version that does not load)");
        RESPONSES.put("Gone", "410 The operation existed and was deleted by retention");
        RESPONSES.put("NotAcceptable", "406 The Accept header names no media type this operation answers with");
        RESPONSES.put("UriTooLong", "414 The request line is longer than the server reads");
        RESPONSES.put("HeadersTooLarge", "431 The request's headers are larger than the server reads");
        RESPONSES.put("ContentTooLarge", "413 The request body is larger than the server reads");
        RESPONSES.put("UnsupportedMediaType", "415 The request body is not application/json");
        RESPONSES.put("TooManyRequests", "429 Too many starts from this client; retry after Retry-After seconds");
        RESPONSES.put("Unavailable", "503 No capacity now (every worker busy, no host reachable, no model loaded); "
                + "retry after Retry-After seconds");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before asking again").schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)));
        openAPI.getComponents().addHeader("Location", OASFactory.createHeader()
                .description("Where to follow the new operation: /api/v1/operations/{operation_id}")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        openAPI.getComponents().addHeader("WWW-Authenticate", OASFactory.createHeader()
                .description("The schemes the server accepts: Bearer, and Basic when the users file allows it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        RESPONSES.forEach((name, text) -> openAPI.getComponents().addResponse(name, response(text)));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(ProblemResponsesFilter::httpLayerAnswers));
        }
    }

    private static void httpLayerAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().addAPIResponse("406", OASFactory.createAPIResponse().ref("NotAcceptable"));
        operation.getResponses().addAPIResponse("414", OASFactory.createAPIResponse().ref("UriTooLong"));
        operation.getResponses().addAPIResponse("431", OASFactory.createAPIResponse().ref("HeadersTooLarge"));
        if (operation.getRequestBody() != null) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse().ref("ContentTooLarge"));
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse().ref("UnsupportedMediaType"));
        }
    }

    private static APIResponse response(String text) {
        String status = text.substring(0, 3);
        APIResponse response = OASFactory.createAPIResponse().description(text.substring(4))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
        if (status.equals("401")) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().ref("WWW-Authenticate"));
        }
        if (status.equals("429") || status.equals("503")) {
            Header retryAfter = OASFactory.createHeader().ref("Retry-After");
            response.addHeader("Retry-After", retryAfter);
        }
        return response;
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail, the body of every error answer")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("A URN naming the kind of problem, e.g. urn:opsbridge:problem:invalid-request"))
                .addProperty("title", text("The kind in words, the same for every problem of this type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", text("What went wrong this time, in words"))
                .addProperty("field", text("The request parameter or body field at fault, when there is one"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

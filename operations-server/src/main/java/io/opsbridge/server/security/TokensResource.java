package io.opsbridge.server.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin management of bearer tokens: {@code POST /api/v1/admin/tokens {"name":"ci","role":"operator"}}
 * answers 201 with the token, shown this once; {@code GET} lists them without secrets;
 * {@code DELETE /api/v1/admin/tokens/{id}} revokes one at once.
 */
@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimited.Kind.ADMIN)
@Tag(name = "admin", description = "Operator actions: retention, runtime settings")
public class TokensResource {

    /** {@code {"name": "ci-deploy", "role": "operator"}}. */
    public record NewToken(String name, String role) {
    }

    /** The one answer that carries the token itself. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    /** Every token, without secrets. */
    public record TokenList(List<ApiToken> tokens) {
    }

    private final ApiTokens tokens;

    public TokensResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create an API token (its secret is shown once)")
    @APIResponse(responseCode = "201", description = "The new token and its secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedToken.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response create(NewToken request) {
        ApiTokens.Created created = request == null ? tokens.create(null, null) : tokens.create(request.name(), request.role());
        return Response.status(201).entity(new CreatedToken(created.token(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List the API tokens, without secrets")
    @APIResponse(responseCode = "200", description = "Every token, without its secret")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public TokenList list() {
        return new TokenList(tokens.list());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token")
    @APIResponse(responseCode = "200", description = "The token, now revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public ApiToken revoke(@PathParam("id") String id) {
        if (!tokens.revoke(id)) {
            throw new TokenNotFoundException(id);
        }
        return tokens.list().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}

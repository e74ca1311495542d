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
import java.util.List;
import java.util.Map;
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

    private final ApiTokens tokens;

    public TokensResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token (its secret is shown once)")
    public Response create(NewToken request) {
        ApiTokens.Created created = request == null ? tokens.create(null, null) : tokens.create(request.name(), request.role());
        return Response.status(201).entity(new CreatedToken(created.token(), created.secret())).build();
    }

    @GET
    @Operation(summary = "List the API tokens, without secrets")
    public Map<String, List<ApiToken>> list() {
        return Map.of("tokens", tokens.list());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API token")
    public ApiToken revoke(@PathParam("id") String id) {
        if (!tokens.revoke(id)) {
            throw new TokenNotFoundException(id);
        }
        return tokens.list().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}

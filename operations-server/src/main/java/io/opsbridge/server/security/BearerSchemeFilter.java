package io.opsbridge.server.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The document's one security scheme, {@code bearer} (an API token in {@code Authorization: Bearer}),
 * and its answers: every operation the server guards with a role (the requirement SmallRye adds for
 * {@code @RolesAllowed}, or {@code @SecurityRequirement(name = "bearer")}) names this scheme and
 * declares 401 and 403 as problem details; every other operation says it is open ({@code security: []}).
 * Swagger UI's Authorize button and generated clients' token settings come from it.
 */
@OpenApiFilter
public class BearerSchemeFilter implements OASFilter {

    /** The scheme's name in the document. */
    public static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque API token")
                .description("An API token (POST /api/v1/admin/tokens; the first admin token is in data/admin-token)."
                        + " Admin calls always need one; reads and starts need one as"
                        + " opsbridge.security.require-auth-for says (none, writes, all)."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(BearerSchemeFilter::guarded));
    }

    private static void guarded(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>()); // "security: []": open to anyone, said so
            return;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (operation.getResponses() != null) {
            operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
            operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
        }
    }
}

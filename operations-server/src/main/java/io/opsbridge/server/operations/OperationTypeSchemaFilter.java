package io.opsbridge.server.operations;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * {@code operation_type} is a string on the wire ({@code OperationType}'s {@code @JsonValue}); the
 * scanner sees a class and would describe an object, so the document says what a client gets: a
 * wire name, open to the types a module declares.
 */
@OpenApiFilter
public class OperationTypeSchemaFilter implements OASFilter {

    static final String NAME = "OperationType";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(NAME)) {
            return;
        }
        openAPI.getComponents().addSchema(NAME, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("What kind of work the operation does: training, data_loading, or a type a module"
                        + " declares; GET /api/v1/operations?operation_type= names the ones this process accepts")
                .pattern("^[a-z][a-z0-9_]{0,31}$")
                .examples(List.of("training", "data_loading")));
    }
}

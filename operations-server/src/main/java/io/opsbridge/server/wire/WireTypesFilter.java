package io.opsbridge.server.wire;

import io.opsbridge.server.security.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the scanner cannot see in our wire types, which are plain strings and maps in Java: the server's enums
 * ({@code mode}, a data load's {@code source}, a token's {@code role}), the fields a request cannot do without,
 * and the items of a metrics answer (the fields each kind of work writes; another kind may add its own).
 * A schema a process does not have is left alone.
 */
@OpenApiFilter
public class WireTypesFilter implements OASFilter {

    static final String METRIC = "Metric";

    private static final List<String> MODES = List.of("local", "host");
    private static final List<String> ENGINES = List.of("hosts", "kubernetes");
    private static final List<String> SOURCES = List.of("sample", "csv");
    private static final List<String> ROLES = Roles.ALL;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        oneOf(schemas, "TrainingRequest", "mode", MODES, "Where it runs; the configured default when absent");
        oneOf(schemas, "DataLoadRequest", "mode", MODES, "Where it runs; the configured default when absent");
        oneOf(schemas, "DataLoadRequest", "source", SOURCES, "Where the bars come from; sample when absent"
                + " (GET /api/v1/data/sources lists what each offers)");
        oneOf(schemas, "OperationMetadata", "mode", MODES, "Where it runs");
        oneOf(schemas, "OperationMetadata", "engine", ENGINES, "What placed host work: the host list or a Kubernetes"
                + " Job (job_name); absent for local work");
        oneOf(schemas, "NewToken", "role", ROLES, "What the token may do");
        oneOf(schemas, "ApiToken", "role", ROLES, "What the token may do");
        required(schemas, "TrainingRequest", "symbols");
        required(schemas, "DataLoadRequest", "symbols");
        required(schemas, "NewToken", "role");
        Schema metrics = schemas.get("MetricsResponse");
        if (metrics != null && metrics.getProperties() != null && metrics.getProperties().containsKey("metrics")) {
            openAPI.getComponents().addSchema(METRIC, metric());
            metrics.getProperties().get("metrics").setItems(OASFactory.createSchema().ref(METRIC));
        }
    }

    private static void oneOf(Map<String, Schema> schemas, String schema, String property, List<String> values,
            String description) {
        Schema type = schemas.get(schema);
        if (type == null || type.getProperties() == null || !type.getProperties().containsKey(property)) {
            return;
        }
        type.getProperties().get(property).enumeration(List.copyOf(values)).description(description);
    }

    private static void required(Map<String, Schema> schemas, String schema, String property) {
        Schema type = schemas.get(schema);
        if (type != null && type.getProperties() != null && type.getProperties().containsKey(property)) {
            type.addRequired(property);
        }
    }

    /** One metric: a training writes one per epoch, a data load one per symbol. */
    private static Schema metric() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One metric: a training's per epoch (epoch, losses, accuracies), a data load's per symbol"
                        + " (symbol, status, rows); another kind of work may add fields of its own")
                .additionalPropertiesBoolean(Boolean.TRUE)
                .addProperty("epoch", integer("The epoch, from 1 (training)"))
                .addProperty("train_loss", number("Mean cross-entropy on the training split (training)"))
                .addProperty("train_accuracy", number("Share right on the training split (training)"))
                .addProperty("val_loss", number("Mean cross-entropy on the validation split (training)"))
                .addProperty("val_accuracy", number("Share right on the validation split (training)"))
                .addProperty("learning_rate", number("The learning rate of the epoch (training)"))
                .addProperty("duration_ms", integer("How long the epoch or the symbol took"))
                .addProperty("symbol", text("The symbol (data load)"))
                .addProperty("status", text("How the symbol's load ended: loaded or failed (data load)"))
                .addProperty("rows_loaded", integer("Rows kept (data load)"))
                .addProperty("rows_rejected", integer("Rows refused by validation (data load)"))
                .addProperty("validation_ms", integer("How long validation took (data load)"))
                .addProperty("issues_found", integer("Problems validation found (data load)"))
                .addProperty("error", text("Why the symbol failed (data load)"));
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64").description(description);
    }

    private static Schema number(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER).format("double").description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

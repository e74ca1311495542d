package io.opsbridge.server.wire;

import io.opsbridge.server.settings.SettingsVersionHeader;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers that come with answers, declared in the document so a generated client can read them: the
 * {@code ETag} (an operation's version, quoted) and {@code Cache-Control} wherever a response names them, {@code Date}, {@code X-Request-Id}
 * and {@code X-OpsBridge-Settings-Version} on every answer. Runs after the other filters (lowest priority), so the
 * named error responses they add carry them too. {@link #everyAnswer} lets an app add its own such header.
 */
@OpenApiFilter(priority = AnswerHeadersFilter.LAST)
public class AnswerHeadersFilter implements OASFilter {

    /** The priority of filters that must see every response the others made. */
    public static final int LAST = -1000;

    static final String ETAG = "ETag";
    static final String CACHE_CONTROL = "Cache-Control";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader(ETAG, header("The version of what was answered, quoted (\"42\"); send it back in"
                        + " If-None-Match to get 304 while it is unchanged", Schema.SchemaType.STRING))
                .addHeader(CACHE_CONTROL, header("How long the answer may be kept: a running operation's for the"
                        + " server's cache TTL (private, max-age=N), a finished one's revalidated (private, no-cache)",
                        Schema.SchemaType.STRING))
                .addHeader("Date", header("When the answer was made (RFC 9110 HTTP-date)", Schema.SchemaType.STRING))
                .addHeader("X-Request-Id", header("The request's id (the client's own, or a new one); the audit log"
                        + " names it", Schema.SchemaType.STRING))
                .addHeader(SettingsVersionHeader.NAME, header("The runtime settings version in force when the request"
                        + " arrived", Schema.SchemaType.INTEGER));
        everyAnswer(openAPI, response -> {
            Map<String, Header> headers = response.getHeaders();
            for (String named : new String[] {ETAG, CACHE_CONTROL}) {
                if (headers != null && headers.containsKey(named) && headers.get(named).getRef() == null) {
                    response.addHeader(named, OASFactory.createHeader().ref(named));
                }
            }
            for (String name : new String[] {"Date", "X-Request-Id", SettingsVersionHeader.NAME}) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        });
    }

    /** Calls {@code change} with every response the document defines: each operation's own and each named one. */
    public static void everyAnswer(OpenAPI openAPI, Consumer<APIResponse> change) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(change);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getRef() == null).forEach(change);
            }
        }));
    }

    /** A component header of one type. */
    public static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}

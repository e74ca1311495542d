package io.opsbridge.backend.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * What the backend's OpenAPI document cannot get from annotations: the two start endpoints share
 * one inherited method ({@code StartResource.start}), so their own operation ids and summaries, and
 * the request body examples of every POST with a body (JSON objects, as a client sends them), are
 * set here, by path.
 */
@OpenApiFilter
public class RequestExamplesFilter implements OASFilter {

    private record Doc(String operationId, String summary, String example) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Doc> POSTS = Map.of(
            "/api/v1/trainings", new Doc("startTraining", "Start a training (202 at once, follow it at Location)",
                    "{\"symbols\":[\"AAPL\",\"MSFT\"],\"timeframe\":\"1h\",\"epochs\":10,\"batch_size\":64,"
                            + "\"mode\":\"local\"}"),
            "/api/v1/data/loads", new Doc("startDataLoad", "Start a data load (202 at once, follow it at Location)",
                    "{\"symbols\":[\"AAPL\",\"MSFT\"],\"timeframe\":\"1h\",\"start_date\":\"2024-01-01\","
                            + "\"end_date\":\"2024-03-31\",\"source\":\"sample\"}"),
            "/api/v1/signals/generate", new Doc(null, null,
                    "{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"as_of_date\":\"2024-03-01\",\"top_n\":1,\"bottom_n\":1}"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        POSTS.forEach((path, doc) -> {
            PathItem item = openAPI.getPaths().getPathItem(path);
            Operation post = item == null ? null : item.getPOST();
            if (post == null) {
                return;
            }
            if (doc.operationId() != null) {
                post.setOperationId(doc.operationId());
            }
            if (doc.summary() != null) {
                post.setSummary(doc.summary());
            }
            if (post.getRequestBody() != null && post.getRequestBody().getContent() != null) {
                post.getRequestBody().getContent().getMediaTypes().values().forEach(media ->
                        media.addExample("example", OASFactory.createExample().summary("a typical request")
                                .value(object(doc.example()))));
            }
        });
    }

    private static Object object(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example " + json, e);
        }
    }
}

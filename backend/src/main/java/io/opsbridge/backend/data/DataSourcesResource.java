package io.opsbridge.backend.data;

import io.opsbridge.server.security.Roles;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataSourceInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/data/sources}: the sources a local data load may name, which one a request
 * without {@code source} uses, and for {@code csv} the files it has, so a client can offer a choice
 * that works instead of a guess that answers 400.
 *
 * <pre>{@code
 * {"default": "sample", "sources": [{"name": "csv", "directory": "/srv/data/sources", "files": ["AAPL_1h.csv"]},
 *                                   {"name": "sample", "description": "SYNTHETIC ..."}]}
 * }</pre>
 */
@Path("/api/v1/data/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "data loads", description = "Load market data into the dataset store, here or on a data host")
@RolesAllowed(Roles.VIEWER) // it names the server's data directory and files: under require-auth-for=all, not for anyone
public class DataSourcesResource {

    private final DataLoader loader;

    public DataSourcesResource(DataLoader loader) {
        this.loader = loader;
    }

    /** The answer: the default source's name and every source. */
    public record DataSources(String defaultSource, List<DataSourceInfo> sources) {
        @com.fasterxml.jackson.annotation.JsonProperty("default")
        public String defaultSource() {
            return defaultSource;
        }
    }

    @GET
    @Operation(operationId = "listDataSources", summary = "List the sources a data load may name")
    @APIResponse(responseCode = "200", description = "The sources, the default one, and the csv files present")
    public DataSources list() {
        return new DataSources(DataLoadRequest.DEFAULT_SOURCE, loader.sources());
    }
}

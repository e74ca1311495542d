package io.opsbridge.server.operations;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.core.logs.OperationLogReads;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/operations/{id}/logs}: an operation's log, read by cursor like its metrics. */
@Path("/api/v1/operations/{id}/logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
@RolesAllowed(Roles.VIEWER)
public class OperationLogsResource {

    private final OperationLogReads logs;

    public OperationLogsResource(OperationLogReads logs) {
        this.logs = logs;
    }

    @GET
    @Operation(operationId = "getOperationLogs", summary = "Read the log lines after a cursor", description = "Each"
            + " line once to a client that passes the new_cursor of one answer as the cursor of the next; at most "
            + OperationLogReads.MAX_LINES + " lines per answer. The log keeps the last opsbridge.store.log-max-lines"
            + " lines: a cursor older than the first line kept gets that line first, and dropped says how many"
            + " lines it missed. A host operation's log is read from its host through this process.")
    @APIResponse(responseCode = "200", description = "The lines after the cursor and the cursor to ask with next")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The new_cursor of the previous answer",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
    public LogsResponse logs(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue("0") String cursor) {
        return logs.read(id, QueryParams.integer("cursor", cursor));
    }
}

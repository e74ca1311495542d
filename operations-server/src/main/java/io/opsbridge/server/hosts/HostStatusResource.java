package io.opsbridge.server.hosts;

import io.opsbridge.core.hosts.HostSessions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The deprecated status call of a worker host ({@code GET /training/status/{session_id}},
 * {@code GET /data/status/{session_id}}), kept for old clients: a {@link LegacyStatus} read from the
 * operations service, with {@code Deprecation} and a {@code Link} to the successor. A host app only
 * names the path, e.g. {@code @Path("/training/status")}.
 */
public abstract class HostStatusResource {

    private final HostSessions<?> sessions;

    protected HostStatusResource(HostSessions<?> sessions) {
        this.sessions = sessions;
    }

    /** Kept for old clients: use {@code GET /api/v1/operations/{operation_id}} (named in {@code use_instead}). */
    @GET
    @Path("/{session_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Deprecated
    @Operation(operationId = "getLegacyStatus", deprecated = true,
            summary = "Deprecated: use GET /api/v1/operations/{operation_id}, named by use_instead")
    @APIResponse(responseCode = "200", description = "The session's status, with deprecated and use_instead",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegacyStatus.class)),
            headers = {@Header(name = "Deprecation", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Link", description = "The successor: <use_instead>; rel=\"successor-version\"",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response status(@PathParam("session_id") String sessionId) {
        LegacyStatus status = LegacyStatus.of(sessionId, sessions.bySession(sessionId), sessions::legacyProgress);
        return Response.ok(status)
                .header("Deprecation", "true")
                .header("Link", "<" + status.useInstead() + ">; rel=\"successor-version\"")
                .build();
    }
}

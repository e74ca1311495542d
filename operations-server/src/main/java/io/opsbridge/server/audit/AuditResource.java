package io.opsbridge.server.audit;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/audit?since=2026-12-01T00:00:00Z&actor=token:abc&action=activate&limit=100}:
 * who did what, newest first ({@code {"entries": [...]}}); admin only.
 */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin", description = "Operator actions: retention, runtime settings")
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    /** The answer: the matching entries, newest first. */
    public record AuditEntries(List<AuditEntry> entries) {
    }

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(operationId = "searchAudit", summary = "Search the audit trail of admin and start calls")
    @APIResponse(responseCode = "200", description = "The matching entries, newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "Entries at or after this instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = "1", maximum = "1000", defaultValue = "100"))
    public AuditEntries find(@QueryParam("since") String since, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("limit") String limit) {
        return new AuditEntries(trail.find(new AuditQuery(since(since), blankToNull(actor), blankToNull(action),
                limit(limit))));
    }

    private static final Instant EARLIEST_SINCE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_SINCE = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant since;
        try {
            since = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("since", "must be an ISO instant like 2026-12-01T00:00:00Z");
        }
        // an instant the database's timestamps cannot hold (e.g. year +1000000000) was a 500
        if (since.isBefore(EARLIEST_SINCE) || since.isAfter(LATEST_SINCE)) {
            throw new InvalidRequestException("since", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return since;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

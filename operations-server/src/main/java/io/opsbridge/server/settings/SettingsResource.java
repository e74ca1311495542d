package io.opsbridge.server.settings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.HangupSignal;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.SettingsHistory;
import io.opsbridge.core.settings.reload.SettingsReloader;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The runtime settings of this process: {@code GET /api/v1/admin/settings} (what is in force and
 * the last rejected attempt), {@code POST /api/v1/admin/settings/reload[?dry_run=true]} (reload
 * the file now, answer the outcome and the diff) and {@code GET /api/v1/admin/settings/history}.
 * A rejected reload is an answer, not an error: the outcome says {@code rejected} with every error.
 */
@Path("/api/v1/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Blocking
@Tag(name = "admin", description = "Operator actions: retention, runtime settings")
public class SettingsResource {

    private static final int DEFAULT_LIMIT = 20;

    /** What {@code GET /api/v1/admin/settings} answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SettingsView(long version, String sha256, Instant appliedAt, String trigger, String file,
            Map<String, String> values, List<String> reloadable, ReloadEvent lastRejected, HangupSignal.Status sighup) {
    }

    /** What {@code GET /api/v1/admin/settings/history} answers, newest first. */
    public record HistoryView(List<ReloadEvent> events, SettingsHistory.Stats stats) {
    }

    private final Settings settings;
    private final SettingsReloader reloader;
    private final HangupSignal.Status hangup;

    public SettingsResource(Settings settings, SettingsReloader reloader, HangupSignal.Status hangup) {
        this.settings = settings;
        this.reloader = reloader;
        this.hangup = hangup;
    }

    @GET
    @Operation(operationId = "getSettings", summary = "Show the runtime settings in force")
    @APIResponse(responseCode = "200", description = "Version, origin, values, the reloadable keys and whether SIGHUP reloads")
    public SettingsView show() {
        RuntimeSettings current = settings.current();
        RuntimeSettings.Origin origin = current.origin();
        return new SettingsView(current.version(), origin.sha256(), origin.appliedAt(), origin.trigger(),
                reloader.file().path().toAbsolutePath().toString(), reloader.catalog().values(current),
                List.copyOf(reloader.catalog().reloadableKeys()), reloader.history().lastRejected().orElse(null), hangup);
    }

    @POST
    @Path("/reload")
    @Operation(operationId = "reloadSettings", summary = "Reload the runtime settings file")
    @APIResponse(responseCode = "200", description = "The reload: applied, unchanged or rejected (with every error); dry_run=true applies nothing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @RateLimited(RateLimited.Kind.ADMIN)
    @Parameter(name = "dry_run", in = ParameterIn.QUERY, description = "Show what would change, apply nothing",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public ReloadEvent reload(@QueryParam("dry_run") String dryRun) {
        return reloader.reload("admin", flag(dryRun));
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listSettingsHistory", summary = "List past settings reloads, newest first")
    @APIResponse(responseCode = "200", description = "The reloads and counts by outcome")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
            minimum = "1", maximum = "100", defaultValue = "20"))
    public HistoryView history(@QueryParam("limit") String limit) {
        return new HistoryView(reloader.history().latest(limit(limit)), reloader.history().stats());
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("dry_run", "must be true or false, was '" + value + "'");
        };
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= SettingsHistory.CAPACITY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit", "must be a number from 1 to " + SettingsHistory.CAPACITY
                + ", was '" + value + "'");
    }
}

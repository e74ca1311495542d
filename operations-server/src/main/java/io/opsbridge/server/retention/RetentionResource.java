package io.opsbridge.server.retention;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.retention.RetentionService;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/admin/retention?older_than=7d}: deletes finished operations older than the
 * given age (default: {@code opsbridge.store.retention.max-age}); answers
 * {@code {"deleted": n, "cutoff": "...", "dry_run": false}}. An age below
 * {@code opsbridge.store.retention.min-age} needs {@code force=true}; {@code dry_run=true} only counts.
 */
@Path("/api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operator actions: retention, runtime settings")
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})(d|h|m|s)");

    /** The answer: how many were (or, on a dry run, would be) deleted, and the cutoff. */
    public record RetentionAnswer(int deleted, String cutoff,
            @com.fasterxml.jackson.annotation.JsonProperty("dry_run") boolean dryRun) {
    }

    private final RetentionService retention;

    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @RateLimited(RateLimited.Kind.ADMIN)
    @POST
    @Operation(operationId = "deleteOldOperations", summary = "Delete finished operations older than an age", description = "older_than=7d (also 12h, 30m, 45s or ISO-8601); default opsbridge.store.retention.max-age. Deleted ones answer 410 afterwards")
    @APIResponse(responseCode = "200", description = "How many were deleted and the cutoff")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = "older_than", in = ParameterIn.QUERY, description = "An age: 7d, 12h, 30m, 45s or ISO-8601",
            schema = @Schema(type = SchemaType.STRING, example = "7d"))
    @Parameter(name = "force", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @Parameter(name = "dry_run", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public RetentionAnswer apply(@QueryParam("older_than") String olderThan, @QueryParam("force") String force,
            @QueryParam("dry_run") String dryRun) {
        boolean forced = flag("force", force);
        boolean dry = flag("dry_run", dryRun);
        RetentionService.Result result = olderThan == null || olderThan.isBlank()
                ? retention.apply(retention.configuredMaxAge(), true, dry)
                : retention.apply(age(olderThan), forced, dry);
        return new RetentionAnswer(result.deleted(), result.cutoff().toString(), result.dryRun());
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false");
        };
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code P7D}). */
    static Duration age(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = AGE.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidRequestException("older_than", "must be an age like 7d, 12h, 30m or P7D");
        }
    }
}

package io.opsbridge.backend.reload.broadcast.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.reload.broadcast.ReloadBroadcast;
import io.opsbridge.backend.reload.broadcast.ReloadMessage;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.server.security.RateLimited;
import io.opsbridge.server.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/admin/broadcast}: publishes a reload hint now, {@code {"kind": "model",
 * "strategy": "mlp_direction"}} (the registry's active version) or {@code {"kind": "settings"}}
 * (the hash of the settings in force here), and answers how many subscribers Redis delivered it
 * to and its {@code message_id}. 503 when the broadcast is not running here.
 */
@Path("/api/v1/admin/broadcast")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class BroadcastResource {

    private final ReloadBroadcast broadcast;
    private final ModelRegistry registry;
    private final ModelsConfig models;
    private final Settings settings;

    public BroadcastResource(ReloadBroadcast broadcast, ModelRegistry registry, ModelsConfig models,
            Settings settings) {
        this.broadcast = broadcast;
        this.registry = registry;
        this.models = models;
        this.settings = settings;
    }

    /** The request: {@code kind} is {@code model} or {@code settings}; {@code strategy} defaults to the served one. */
    public record BroadcastRequest(String kind, String strategy) {
    }

    /** The answer: the PUBLISH reply (subscribers that received it) and what was sent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BroadcastAnswer(String messageId, long receivers, String kind, String strategy,
            String targetVersion, String channel) {
    }

    @RateLimited(RateLimited.Kind.ADMIN)
    @POST
    @Operation(operationId = "broadcastReload", summary = "Publish a reload hint to every replica now")
    @APIResponse(responseCode = "200", description = "How many subscribers Redis delivered it to, and its message_id")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public BroadcastAnswer publish(BroadcastRequest request) {
        if (request == null || request.kind() == null) {
            throw new InvalidRequestException("kind", "required: \"model\" or \"settings\"");
        }
        String strategy = null;
        String target;
        switch (request.kind()) {
            case ReloadMessage.MODEL -> {
                strategy = request.strategy() == null || request.strategy().isBlank() ? models.strategy()
                        : request.strategy().trim();
                target = registry.store().active(strategy).map(ModelVersion::version).orElse(null);
            }
            case ReloadMessage.SETTINGS -> target = settings.current().origin().sha256();
            default -> throw new InvalidRequestException("kind", "must be \"model\" or \"settings\", was \""
                    + request.kind() + "\"");
        }
        ReloadBroadcast.Published sent = broadcast.publish(request.kind(), strategy, target, Duration.ofSeconds(5));
        return new BroadcastAnswer(sent.messageId(), sent.receivers(), request.kind(), strategy, target,
                broadcast.status().channel());
    }
}

package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One reload hint on the channel, as JSON with snake_case names. {@code issuedAt} is kept as the
 * text that was signed (ISO-8601), so a sender in another language signs exactly what we verify.
 *
 * @param kind          {@code model} or {@code settings}
 * @param strategy      the model strategy (models only)
 * @param targetVersion the registry version, or the settings file's SHA-256
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadMessage(String kind, String strategy, String targetVersion, String messageId, String originNode,
        String issuedAt, String keyId, String signature) {

    public static final String MODEL = "model";
    public static final String SETTINGS = "settings";

    /**
     * The text the signature covers: every field but the signature, in a fixed order, one a line
     * (an absent field is an empty line), e.g. {@code model\nmlp_direction\nv3\n<id>\nreplica-a\n2026-...Z\nk1}.
     */
    public String canonical() {
        return Stream.of(kind, strategy, targetVersion, messageId, originNode, issuedAt, keyId)
                .map(v -> v == null ? "" : v).collect(Collectors.joining("\n"));
    }

    public ReloadMessage signed(String newKeyId, String newSignature) {
        return new ReloadMessage(kind, strategy, targetVersion, messageId, originNode, issuedAt, newKeyId,
                newSignature);
    }

    public boolean isModel() {
        return MODEL.equals(kind);
    }

    public boolean isSettings() {
        return SETTINGS.equals(kind);
    }
}

package io.opsbridge.backend.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of a reload check, the body of {@code POST /api/v1/model/reload}.
 *
 * <p>A failed load is never "already up to date": it has {@code failed = true}, the version that
 * keeps serving in {@code version}, and the cause in {@code message}.
 *
 * @param reloaded        whether another model now serves
 * @param version         the version serving after the check ({@code null} if none)
 * @param previousVersion the version that served before, when {@code reloaded}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadResult(boolean reloaded, String version, String previousVersion, String message,
        @JsonIgnore boolean failed) {

    public static ReloadResult reloaded(String version, String previousVersion, String message) {
        return new ReloadResult(true, version, previousVersion, message, false);
    }

    public static ReloadResult unchanged(String version, String message) {
        return new ReloadResult(false, version, null, message, false);
    }

    public static ReloadResult failure(String servingVersion, String message) {
        return new ReloadResult(false, servingVersion, null, message, true);
    }
}

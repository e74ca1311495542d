package io.opsbridge.core.settings.reload;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.settings.SettingsChange;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What one reload attempt did: its trigger, outcome, the versions before and after, the file's
 * hash, how long it took, the changed keys, every error, and the observers that failed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReloadEvent(Instant at, String trigger, Outcome outcome, boolean dryRun, long fromVersion,
        long toVersion, String sha256, long durationMicros, List<SettingsChange> diff, List<String> errors,
        List<String> observerFailures) {

    /** How a reload ended. */
    public enum Outcome {
        /** A new snapshot is in force (or would be, for a dry run). */
        APPLIED,
        /** The file is the one in force (same SHA-256); nothing changed. */
        UNCHANGED,
        /** The file is missing or invalid; the settings in force stay. */
        REJECTED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }
}

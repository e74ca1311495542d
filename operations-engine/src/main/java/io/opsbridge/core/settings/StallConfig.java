package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * When a running operation without progress counts as stalled, and when as failed, per operation
 * type. Evaluated when a client asks, never by a timer ({@link StallPolicy}).
 */
@ConfigMapping(prefix = "opsbridge.stall")
public interface StallConfig {

    /** Limits for trainings ({@code opsbridge.stall.training.*}). */
    Limits training();

    /** Limits for data loads ({@code opsbridge.stall.data-loading.*}). */
    Limits dataLoading();

    /** Limits for every other operation type, e.g. one a module declares ({@code opsbridge.stall.default.*}). */
    @WithName("default")
    Limits fallback();

    /** The two thresholds of one operation type. */
    interface Limits {

        /** No progress for this long adds {@code context.stalled=true} to the answer; 0 turns it off. */
        @WithDefault("15m")
        Duration stallAfter();

        /** No progress for this long fails the operation with a reason; 0 turns it off. */
        @WithDefault("2h")
        Duration failAfter();
    }
}

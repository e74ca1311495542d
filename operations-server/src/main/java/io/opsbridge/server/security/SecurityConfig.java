package io.opsbridge.server.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Who must show a token for what; admin endpoints always need an admin token. */
@ConfigMapping(prefix = "opsbridge.security")
public interface SecurityConfig {

    /** Which calls need a token: {@code none} (reads and starts are open), {@code writes} (reads open), {@code all}. */
    @WithDefault("none")
    Scope requireAuthFor();

    /** Where the first-start admin token is written (mode 0600); the CLI reads it for a localhost backend. */
    @WithDefault("${opsbridge.data-dir:data}/admin-token")
    Path adminTokenFile();

    /**
     * An admin token given by the operator (a secret store, a test profile) instead of a generated
     * one; only its hash is kept. At least 24 characters.
     */
    Optional<String> adminToken();

    /** Admin triggers (activate, reload, retention, tokens) per caller. */
    @WithName("rate-limit.admin")
    @WithDefaults
    Limit adminRateLimit();

    /** Starting work (trainings, data loads) per caller. */
    @WithName("rate-limit.starts")
    @WithDefaults
    StartsLimit startsRateLimit();

    /** A token bucket: {@code burst} calls at once, then one more per {@code refill-period}. */
    interface Limit {
        /** Calls allowed at once. */
        @WithDefault("5")
        int burst();

        /** One more call is allowed after each period. */
        @WithDefault("2s")
        Duration refillPeriod();
    }

    /** The starts' bucket: larger, since a client may queue a batch. */
    interface StartsLimit extends Limit {
        @Override
        @WithDefault("20")
        int burst();

        @Override
        @WithDefault("1s")
        Duration refillPeriod();
    }

    /** Which calls need a token. */
    enum Scope {
        /** Only admin calls. */
        NONE,
        /** Admin calls and every call that starts, cancels or changes something. */
        WRITES,
        /** Every API call. */
        ALL
    }
}

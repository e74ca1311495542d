package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where operations are kept and for how long. */
@ConfigMapping(prefix = "opsbridge.store")
public interface StoreConfig {

    /** Which database the application uses: {@code h2} (embedded file, default) or {@code postgresql}; read at startup. */
    @WithDefault("h2")
    String kind();

    /**
     * This process's stable name in a shared database, recorded as the owner of the operations it
     * runs; after a restart it fails only its own interrupted local operations. Defaults to the host
     * name. Unique among live replicas: a replica refuses to start while another process answers at
     * the id's advertised URL ({@code io.opsbridge.core.replicas.NodeIdGuard}).
     */
    Optional<String> nodeId();

    /** A running operation's progress is written to the database at most this often (new metrics at once). */
    @WithDefault("5s")
    Duration progressPersistInterval();

    /**
     * How many log lines each operation keeps, in the memory of the process that runs it and in the
     * store (older lines are dropped first; a reader is told how many it missed). Read when an
     * operation's log is opened and at each save.
     */
    @WithDefault("2000")
    int logMaxLines();

    /**
     * How long the tombstone of an operation deleted by retention is kept (its id answers 410 Gone,
     * then 404); old tombstones are removed by the retention pass.
     */
    @WithDefault("30d")
    Duration tombstoneTtl();

    /** Retention settings. */
    Retention retention();

    /** How long finished operations are kept. */
    interface Retention {

        /** Finished operations that completed longer ago than this are deleted (410 Gone afterwards). */
        @WithDefault("30d")
        Duration maxAge();

        /**
         * The admin call refuses an {@code older_than} below this floor unless {@code force=true}:
         * one mistyped {@code 0s} would otherwise delete every finished operation.
         */
        @WithDefault("1h")
        Duration minAge();

        /** Also apply retention at startup, not only on the admin call. */
        @WithDefault("true")
        boolean atStartup();
    }
}

package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the operations platform, shared by every process that runs operations. */
@ConfigMapping(prefix = "opsbridge.operations")
public interface OperationsConfig {

    /** How long a read of a running operation is reused before the bridge is read again. */
    @WithDefault("1s")
    Duration cacheTtl();

    /** How many operations the hot cache holds at most. */
    @WithDefault("10000")
    long cacheMaxSize();

    /** Worker threads that run in-process jobs; more jobs wait in the queue. */
    @WithDefault("2")
    int workerThreads();

    /** Jobs that may wait for a worker; beyond that a start answers 503 instead of hanging. */
    @WithDefault("16")
    int queueCapacity();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("24h")
    Duration idempotencyKeyTtl();
}

package io.opsbridge.core;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.settings.StoreConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes finished operations older than the retention age, with their metrics, leaving tombstones
 * so their ids answer 410 Gone. Runs at startup and on the admin call; never on a timer.
 */
@ApplicationScoped
public class RetentionService {

    /** What one retention pass did. */
    public record Result(int deleted, Instant cutoff) {
    }

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final OperationStore store;
    private final StoreConfig.Retention config;
    private final Clock clock;

    @Inject
    public RetentionService(OperationStore store, StoreConfig config) {
        this(store, config.retention(), Clock.systemUTC());
    }

    RetentionService(OperationStore store, StoreConfig.Retention config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.atStartup()) {
            apply(config.maxAge());
        }
    }

    /** Deletes operations that finished more than the configured max age ago. */
    public Result apply() {
        return apply(config.maxAge());
    }

    /** Deletes operations that finished more than {@code maxAge} ago. */
    public Result apply(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new InvalidRequestException("older_than", "must not be negative, was " + maxAge);
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(maxAge);
        int deleted = store.deleteFinishedBefore(cutoff, now);
        if (deleted > 0) {
            LOG.infof("retention: deleted %d operations finished before %s", deleted, cutoff);
        }
        return new Result(deleted, cutoff);
    }
}

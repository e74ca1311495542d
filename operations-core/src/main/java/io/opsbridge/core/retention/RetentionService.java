package io.opsbridge.core.retention;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.StoreConfig;
import io.opsbridge.core.store.OperationStore;
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
    private final Settings settings;
    private final Clock clock;

    @Inject
    public RetentionService(OperationStore store, Settings settings) {
        this(store, settings, Clock.systemUTC());
    }

    public RetentionService(OperationStore store, Settings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (retention().atStartup()) {
            apply();
        }
    }

    /** Deletes operations that finished more than the max age in force ago. */
    public Result apply() {
        return apply(retention().maxAge());
    }

    private StoreConfig.Retention retention() {
        return settings.current().store().retention();
    }

    /** Deletes operations that finished more than {@code maxAge} ago. */
    public Result apply(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new InvalidRequestException("older_than", "must not be negative, was " + maxAge);
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(maxAge);
        int deleted = store.deleteFinishedBefore(cutoff, now);
        Monitoring.monitor().retentionDeleted(deleted);
        if (deleted > 0) {
            LOG.infof("retention: deleted %d operations finished before %s", deleted, cutoff);
        }
        return new Result(deleted, cutoff);
    }
}

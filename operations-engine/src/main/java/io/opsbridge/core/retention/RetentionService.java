package io.opsbridge.core.retention;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.StoreConfig;
import io.opsbridge.core.store.IdempotencyKeyStore;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes finished operations older than the retention age, with their metrics, leaving tombstones
 * so their ids answer 410 Gone. Runs at startup and on the admin call; never on a timer. The admin
 * call is guarded: an age below {@code opsbridge.store.retention.min-age} needs {@code force}, and
 * a dry run only counts. Each pass also forgets expired Idempotency-Keys and tombstones older than
 * {@code opsbridge.store.tombstone-ttl}. Files a workload keeps per operation go through its
 * {@link RetentionListener}.
 */
@ApplicationScoped
public class RetentionService {

    /** What one retention pass did (or, for a dry run, would do). */
    public record Result(int deleted, Instant cutoff, boolean dryRun) {
    }

    /** The longest age accepted: older cutoffs are before any operation and near {@link Instant#MIN}. */
    public static final Duration MAX_AGE = Duration.ofDays(36_500);

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final OperationStore store;
    private final IdempotencyKeyStore keys;
    private final Settings settings;
    private final Clock clock;
    private final List<RetentionListener> listeners;

    @Inject
    public RetentionService(OperationStore store, IdempotencyKeyStore keys, Settings settings,
            @All List<RetentionListener> listeners) {
        this(store, keys, settings, Clock.systemUTC(), listeners);
    }

    public RetentionService(OperationStore store, IdempotencyKeyStore keys, Settings settings, Clock clock) {
        this(store, keys, settings, clock, List.of());
    }

    public RetentionService(OperationStore store, IdempotencyKeyStore keys, Settings settings, Clock clock,
            List<RetentionListener> listeners) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
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

    /** {@code opsbridge.store.retention.max-age} as it is now. */
    public Duration configuredMaxAge() {
        return retention().maxAge();
    }

    private StoreConfig.Retention retention() {
        return settings.current().store().retention();
    }

    /** Deletes operations that finished more than {@code maxAge} ago. */
    public Result apply(Duration maxAge) {
        return apply(maxAge, true, false);
    }

    /**
     * The admin call: deletes (or with {@code dryRun} counts) operations that finished more than
     * {@code maxAge} ago.
     *
     * @throws InvalidRequestException naming {@code older_than} if the age is negative, over
     *         {@link #MAX_AGE}, or below the floor without {@code force}
     */
    public Result apply(Duration maxAge, boolean force, boolean dryRun) {
        if (maxAge.isNegative()) {
            throw new InvalidRequestException("older_than", "must not be negative, was " + maxAge);
        }
        if (maxAge.compareTo(MAX_AGE) > 0) {
            throw new InvalidRequestException("older_than", "must be at most " + MAX_AGE.toDays() + "d, was " + maxAge);
        }
        Duration floor = retention().minAge();
        if (!force && maxAge.compareTo(floor) < 0) {
            throw new InvalidRequestException("older_than", "is below the floor of " + floor
                    + " (opsbridge.store.retention.min-age); add force=true to delete that recent history,"
                    + " or dry_run=true to count first");
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(maxAge);
        if (dryRun) {
            return new Result(store.countFinishedBefore(cutoff), cutoff, true);
        }
        List<String> deletedIds = store.deleteFinishedBefore(cutoff, now);
        int deleted = deletedIds.size();
        Monitoring.monitor().retentionDeleted(deleted);
        if (deleted > 0) {
            LOG.infof("retention: deleted %d operations finished before %s", deleted, cutoff);
            tellListeners(deletedIds);
        }
        int tombstones = store.deleteTombstonesBefore(now.minus(settings.current().store().tombstoneTtl()));
        int expiredKeys = keys.deleteExpired(now);
        if (tombstones > 0 || expiredKeys > 0) {
            LOG.infof("retention: forgot %d tombstones and %d expired idempotency keys", tombstones, expiredKeys);
        }
        return new Result(deleted, cutoff, false);
    }

    private void tellListeners(List<String> deletedIds) {
        for (RetentionListener listener : listeners) {
            try {
                listener.deleted(deletedIds);
            } catch (RuntimeException e) {
                LOG.warnf(e, "retention: %s failed to clean up after %d deleted operations", listener.getClass()
                        .getSimpleName(), deletedIds.size());
            }
        }
    }
}

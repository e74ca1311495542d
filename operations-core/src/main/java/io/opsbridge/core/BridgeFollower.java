package io.opsbridge.core;

import io.opsbridge.core.settings.StallPolicy;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies what a local bridge has into the store: the latest state and the metrics after its own
 * cursor. Pulls are serialized so two readers can never copy the same metric twice.
 *
 * <p>New metrics are stored at the pull that finds them; a progress-only change is kept in memory
 * and stored at most once per {@code persistEvery} (and always before a status change, see
 * {@link #flush}), so a busy operation followed by many clients does not write on every query.
 * The bridge itself never touches the store.
 */
final class BridgeFollower {

    private final String operationId;
    private final ProgressBridge bridge;
    private final Duration persistEvery;
    private int metricsCursor;
    private long seenVersion;
    /** The newest record made from the bridge; the store may lag it by less than persistEvery. */
    private OperationInfo latest;
    private boolean dirty;
    private Instant persistedAt;
    private Instant lastProgressAt;

    BridgeFollower(String operationId, ProgressBridge bridge) {
        this(operationId, bridge, Duration.ZERO);
    }

    BridgeFollower(String operationId, ProgressBridge bridge, Duration persistEvery) {
        this.operationId = operationId;
        this.bridge = bridge;
        this.persistEvery = persistEvery;
    }

    ProgressBridge bridge() {
        return bridge;
    }

    /** Reads the bridge once and records what changed; a terminal record is left untouched. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock) {
        return pull(store, clock, StallPolicy.NEVER, false);
    }

    /** Like {@link #pull(OperationStore, Clock)}, and marks the record stalled when the policy says so. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock, StallPolicy stalls) {
        return pull(store, clock, stalls, false);
    }

    /** Pulls and stores whatever is still only in memory: done before every status change. */
    synchronized Optional<OperationInfo> flush(OperationStore store, Clock clock) {
        return pull(store, clock, StallPolicy.NEVER, true);
    }

    /** How long the bridge has not changed, as seen by pulls; zero before the first pull. */
    synchronized Duration quietFor(Instant now) {
        return lastProgressAt == null ? Duration.ZERO : Duration.between(lastProgressAt, now);
    }

    private Optional<OperationInfo> pull(OperationStore store, Clock clock, StallPolicy stalls, boolean force) {
        Instant now = clock.instant();
        ProgressSnapshot snapshot = bridge.snapshot();
        if (latest == null) {
            Optional<OperationInfo> stored = store.find(operationId);
            if (stored.isEmpty()) {
                return stored;
            }
            latest = stored.get();
            persistedAt = now;
            lastProgressAt = latest.startedAt() != null ? latest.startedAt() : now;
        }
        boolean newMetrics = false;
        if (snapshot.version() != seenVersion) {
            MetricsPage page = bridge.metrics(metricsCursor);
            if (!page.metrics().isEmpty()) {
                store.appendMetrics(operationId, page.metrics());
                newMetrics = true;
            }
            metricsCursor = page.newCursor();
            seenVersion = snapshot.version();
            lastProgressAt = lastWrite(snapshot, now);
            latest = latest.withProgress(snapshot.toProgress(), metricsCursor, now);
            dirty = true;
        } else if (stalls.isStalled(latest.operationType(), Duration.between(lastProgressAt, now))
                && !Boolean.TRUE.equals(latest.progress().context().get("stalled"))) {
            latest = latest.withProgress(stalled(latest.progress(), lastProgressAt), metricsCursor, now);
            dirty = true;
        }
        if (dirty && (force || newMetrics || !now.isBefore(persistedAt.plus(persistEvery)))) {
            return persist(store, now);
        }
        return Optional.of(latest);
    }

    /**
     * When the bridge last changed: its own write time, so a first read long after the write does
     * not count as fresh progress. A write time outside (previous progress, now] of the service's
     * clock (another clock, as in tests) is replaced by {@code now}.
     */
    private Instant lastWrite(ProgressSnapshot snapshot, Instant now) {
        Instant written = snapshot.updatedAt();
        boolean plausible = written != null && !written.isAfter(now) && !written.isBefore(lastProgressAt);
        return plausible ? written : now;
    }

    private Optional<OperationInfo> persist(OperationStore store, Instant now) {
        OperationInfo mine = latest;
        Optional<OperationInfo> stored = store.update(operationId, current -> current.status().isTerminal() ? current : mine);
        stored.ifPresent(info -> latest = info);
        dirty = false;
        persistedAt = now;
        return stored;
    }

    private static OperationProgress stalled(OperationProgress progress, Instant since) {
        Map<String, Object> context = new HashMap<>(progress.context());
        context.put("stalled", true);
        context.put("last_progress_at", since.toString());
        return new OperationProgress(progress.percentage(), progress.message(), progress.currentStep(),
                progress.stepsCompleted(), progress.stepsTotal(), progress.itemsProcessed(), progress.itemsTotal(),
                progress.currentItem(), Map.copyOf(context));
    }
}

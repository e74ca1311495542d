package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.monitoring.ReadTimes;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Copies what a local bridge has into the store: the latest state and the metrics after its own
 * cursor. Pulls are serialized so two readers can never copy the same metric twice.
 *
 * <p>New metrics are stored at the pull that finds them; a progress-only change is kept in memory
 * and stored at most once per {@code opsbridge.store.progress-persist-interval} (and always before
 * a status change, see {@link #flush}), so a busy operation followed by many clients does not write
 * on every query. The bridge itself never touches the store.
 */
public final class LocalProgressSource implements ProgressSource {

    private final String operationId;
    private final ProgressBridge bridge;
    private final OperationStore store;
    private final Clock clock;
    private final Settings settings;
    private int metricsCursor;
    /** Volatile: the long-poll asks {@link #hasUnreadChange} without the pull's lock. */
    private volatile long seenVersion;
    /** The newest record made from the bridge; the store may lag it by less than the persist interval. */
    private OperationInfo latest;
    private boolean dirty;
    private Instant persistedAt;
    /** Volatile, so {@link #quietFor} never waits for a pull (it runs on the event loop for cached reads). */
    private volatile Instant lastProgressAt;

    public LocalProgressSource(String operationId, ProgressBridge bridge, OperationStore store, Clock clock,
            Settings settings) {
        this.operationId = operationId;
        this.bridge = bridge;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized Optional<OperationInfo> pull(boolean forceRefresh) {
        long started = System.nanoTime();
        Optional<OperationInfo> pulled = pull(settings.current(), false);
        Monitoring.monitor().refreshed("local", System.nanoTime() - started);
        return pulled;
    }

    @Override
    public synchronized void flush() {
        pull(settings.current(), true);
    }

    /** When the bridge last changed, as seen by pulls; null before the first pull. */
    @Override
    public Instant quietSince() {
        return lastProgressAt;
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        return "stalled: no progress for " + quiet.toSeconds() + "s (fail-after " + failAfter.toSeconds() + "s)";
    }

    @Override
    public void cancel() {
        bridge.requestCancel();
    }

    @Override
    public void abandon() {
        bridge.requestCancel();
    }

    @Override
    public boolean hasUnreadChange() {
        return bridge.version() != seenVersion;
    }

    @Override
    public boolean watchWrites(Runnable listener) {
        bridge.setWriteListener(listener);
        return true;
    }

    private Optional<OperationInfo> pull(RuntimeSettings limits, boolean force) {
        Instant now = clock.instant();
        long bridgeStarted = System.nanoTime();
        ProgressSnapshot snapshot = bridge.snapshot();
        ReadTimes.addBridge(System.nanoTime() - bridgeStarted);
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
            long metricsStarted = System.nanoTime();
            MetricsPage page = bridge.metrics(metricsCursor);
            ReadTimes.addBridge(System.nanoTime() - metricsStarted);
            if (!page.metrics().isEmpty()) {
                store.appendMetrics(operationId, page.metrics());
                newMetrics = true;
            }
            metricsCursor = page.newCursor();
            seenVersion = snapshot.version();
            lastProgressAt = lastWrite(snapshot, now);
            latest = latest.withProgress(snapshot.toProgress(), metricsCursor, now);
            dirty = true;
        } else if (!force && limits.stalls().isStalled(latest.operationType(), Duration.between(lastProgressAt, now))
                && !Boolean.TRUE.equals(latest.progress().context().get(ProgressContext.STALLED))) {
            latest = latest.withProgress(stalled(latest.progress(), lastProgressAt), metricsCursor, now);
            dirty = true;
        }
        Duration persistEvery = limits.store().progressPersistInterval();
        if (dirty && (force || newMetrics || !now.isBefore(persistedAt.plus(persistEvery)))) {
            return persist(now);
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

    private Optional<OperationInfo> persist(Instant now) {
        OperationInfo mine = latest;
        Optional<OperationInfo> stored = store.update(operationId, current -> current.status().isTerminal() ? current : mine);
        stored.ifPresent(info -> latest = info);
        dirty = false;
        persistedAt = now;
        return stored;
    }

    private static OperationProgress stalled(OperationProgress progress, Instant since) {
        return ProgressContext.with(progress, java.util.Map.of(ProgressContext.STALLED, true,
                ProgressContext.LAST_PROGRESS_AT, since.toString()));
    }
}

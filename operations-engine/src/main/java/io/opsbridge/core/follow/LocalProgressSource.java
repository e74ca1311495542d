package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.monitoring.ReadTimes;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.MetricsEnd;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Copies what a local bridge has into the store: the latest state and the metrics after its own
 * cursor. Pulls are serialized so two readers can never copy the same metric twice.
 *
 * <p>New metrics are stored at the pull that finds them; a progress-only change waits in the
 * {@link WriteBehindRecord} (stored at most once per {@code opsbridge.store.progress-persist-interval},
 * and always before a status change, see {@link #flush}), so a busy operation followed by many
 * clients does not write on every query. The bridge itself never touches the store.
 */
public final class LocalProgressSource implements ProgressSource {

    private final String operationId;
    private final ProgressBridge bridge;
    private final OperationStore store;
    private final Clock clock;
    private final WriteBehindRecord record;
    /** The position in the bridge's metrics up to which they were read. */
    private int metricsCursor;
    /** The position of the next stored metric: after an earlier attempt's, for a resumed one. */
    private int storedCursor;
    /** What earlier attempts stored: the epochs this attempt does again are not stored twice. */
    private final MetricsEnd before;
    /** Volatile: the long-poll asks {@link #hasUnreadChange} without the pull's lock. */
    private volatile long seenVersion;
    /** Volatile, so {@link #quietFor} never waits for a pull (it runs on the event loop for cached reads). */
    private volatile Instant lastProgressAt;

    public LocalProgressSource(String operationId, ProgressBridge bridge, OperationStore store, Clock clock,
            Settings settings) {
        this(operationId, bridge, store, clock, settings, MetricsEnd.START);
    }

    /** A source whose metrics are stored after {@code before}, where an earlier attempt's ended. */
    public LocalProgressSource(String operationId, ProgressBridge bridge, OperationStore store, Clock clock,
            Settings settings, MetricsEnd before) {
        this.before = before;
        this.storedCursor = before.position();
        this.operationId = operationId;
        this.bridge = bridge;
        this.store = store;
        this.clock = clock;
        this.record = new WriteBehindRecord(operationId, store, settings);
    }

    /** Reads the bridge on {@code blocking} (the read may store new metrics and a due save). */
    @Override
    public CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking) {
        return CompletableFuture.supplyAsync(() -> pullNow(forceRefresh), blocking);
    }

    private Optional<OperationInfo> pullNow(boolean forceRefresh) {
        long started = ReadTimes.start();
        try {
            // the stored status is read outside the lock: a slow store must not hold up a status change's flush
            Optional<OperationInfo> stored = store.find(operationId);
            synchronized (this) {
                return read(false, stored);
            }
        } finally {
            Monitoring.monitor().refreshed("local", System.nanoTime() - started);
            ReadTimes.finish(operationId, forceRefresh, started);
        }
    }

    @Override
    public void flush() {
        Optional<OperationInfo> stored = store.find(operationId);
        synchronized (this) {
            read(true, stored);
        }
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

    /**
     * Reads the bridge into the record, given what the store holds ({@code stored}: a status recorded
     * elsewhere, e.g. a cancel by a replica that could not reach this one, is seen by this read);
     * {@code flushing} stores what waits now (before a status change).
     */
    private Optional<OperationInfo> read(boolean flushing, Optional<OperationInfo> stored) {
        Instant now = clock.instant();
        long bridgeStarted = System.nanoTime();
        ProgressSnapshot snapshot = bridge.snapshot();
        ReadTimes.addBridge(System.nanoTime() - bridgeStarted);
        Optional<OperationInfo> known = record.load(now, stored);
        if (known.isEmpty() || known.get().status() != OperationStatus.RUNNING) {
            // gone, or not running (yet, or any more): nothing of the bridge's belongs in it
            return known;
        }
        if (lastProgressAt == null) {
            lastProgressAt = known.get().startedAt() != null ? known.get().startedAt() : now;
        }
        boolean newMetrics = false;
        if (snapshot.version() != seenVersion) {
            long metricsStarted = System.nanoTime();
            MetricsPage page = bridge.metrics(metricsCursor);
            ReadTimes.addBridge(System.nanoTime() - metricsStarted);
            List<Map<String, Object>> fresh = before.lastEpoch() == null ? page.metrics()
                    : page.metrics().stream().filter(m -> !before.holds(m)).toList();
            if (!fresh.isEmpty()) {
                store.appendMetrics(operationId, storedCursor, fresh);
                storedCursor += fresh.size();
                newMetrics = true;
            }
            metricsCursor = page.newCursor();
            seenVersion = snapshot.version();
            lastProgressAt = lastWrite(snapshot, now);
            record.follow(snapshot.toProgress(), storedCursor, now);
        } else if (!flushing) {
            record.mark(record.stallMarks(lastProgressAt, now), now);
        }
        Optional<OperationInfo> saved = record.save(flushing || newMetrics, now);
        if (saved.isPresent() && saved.get().status().isTerminal()) {
            // ended elsewhere (a cancel recorded by a replica that could not reach this one): stop the worker
            bridge.requestCancel();
        }
        return saved;
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
}

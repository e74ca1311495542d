package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A running operation's record as its source last made it, kept in memory between saves: the one
 * write-behind every progress source shares. A change of progress alone is stored at most once per
 * {@code opsbridge.store.progress-persist-interval}; the caller stores at once what must not wait
 * (new metrics, a change of reachability, a terminal host status, before a status change). A save
 * stores only what is newer than the stored record (two replicas may follow one operation), and never
 * moves a record whose completion was claimed. A
 * restart loses no more than progress the source still holds: the first pull reads it again. Also
 * the one place that marks a quiet operation stalled. Used under its source's lock; {@link #latest}
 * is read without it.
 */
final class WriteBehindRecord {

    private final String operationId;
    private final OperationStore store;
    private final Settings settings;
    /** Volatile: a forced read checks it before taking the lock. */
    private volatile OperationInfo latest;
    private boolean dirty;
    private Instant persistedAt;

    WriteBehindRecord(String operationId, OperationStore store, Settings settings) {
        this.operationId = operationId;
        this.store = store;
        this.settings = settings;
    }

    /** The record as last seen here; null before the first {@link #load}. Never blocks. */
    OperationInfo latest() {
        return latest;
    }

    /**
     * The record: from memory while it runs, else from the store (the first time, and while it is
     * not running here: a pending one gets its status from the lifecycle, in the store); empty if it is gone.
     */
    Optional<OperationInfo> load(Instant now) {
        if (latest != null && latest.status() == OperationStatus.RUNNING) {
            return Optional.of(latest);
        }
        return load(now, store.find(operationId));
    }

    /**
     * {@link #load(Instant)} given {@code stored}, what the store held a moment ago (read by the caller
     * outside its lock): a record running here stays as it is in memory unless the store's has
     * ended (elsewhere: a cancel recorded by another replica); empty if it is gone.
     */
    Optional<OperationInfo> load(Instant now, Optional<OperationInfo> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        boolean runningHere = latest != null && latest.status() == OperationStatus.RUNNING;
        if (!runningHere || stored.get().status().isTerminal()) {
            persistedAt = latest == null ? now : persistedAt;
            latest = stored.get();
            dirty = false;
        }
        return Optional.of(latest);
    }

    /** Makes {@code next} the record in memory (the same instance means: nothing changed). */
    private void change(OperationInfo next) {
        if (next != latest) {
            latest = next;
            dirty = true;
        }
    }

    /** Moves a running record to {@code progress}; nothing changes (same version) when nothing is new. */
    void follow(OperationProgress reported, int metricsCount, Instant now) {
        OperationInfo current = latest;
        String resumed = current.attempts().resumedNote();
        // a resumed attempt says so, whatever its worker reports
        OperationProgress progress = resumed == null ? reported
                : ProgressContext.with(reported, Map.of(ProgressContext.RESUMED, resumed));
        // nothing new: same record, same version (long-poll waiters must not wake for it)
        if (!current.status().isTerminal()
                && !(progress.equals(current.progress()) && metricsCount == current.metricsCount())) {
            change(current.withProgress(progress, metricsCount, now));
        }
    }

    /**
     * The marks of a record quiet since {@code quietSince} past its type's stall-after
     * ({@code stalled}, {@code last_progress_at}); none before that, or while it is not quiet.
     */
    Map<String, Object> stallMarks(Instant quietSince, Instant now) {
        if (quietSince == null || !settings.current().stalls().isStalled(latest.operationType(),
                Duration.between(quietSince, now))) {
            return Map.of();
        }
        return Map.of(ProgressContext.STALLED, true, ProgressContext.LAST_PROGRESS_AT, quietSince.toString());
    }

    /** Adds {@code marks} to a running record's progress context, unless it carries them already. */
    void mark(Map<String, Object> marks, Instant now) {
        OperationInfo current = latest;
        if (marks.isEmpty()) {
            return;
        }
        Map<String, Object> context = current.progress().context();
        if (!current.status().isTerminal() && (context == null
                || !marks.entrySet().stream().allMatch(m -> m.getValue().equals(context.get(m.getKey()))))) {
            change(current.withProgress(ProgressContext.with(current.progress(), marks), current.metricsCount(), now));
        }
    }

    /** Whether a change is waiting and the persist interval has passed since the last write. */
    boolean persistDue(Instant now) {
        Duration every = settings.current().store().progressPersistInterval();
        return dirty && !now.isBefore(persistedAt.plus(every));
    }

    /** Stores a waiting change if {@code atOnce} or if it is due; the record either way. */
    Optional<OperationInfo> save(boolean atOnce, Instant now) {
        if (latest == null) {
            return load(now);
        }
        if (!dirty || !(atOnce || persistDue(now))) {
            return Optional.of(latest);
        }
        OperationInfo mine = latest;
        Optional<OperationInfo> stored = store.update(operationId,
                current -> current.status().isTerminal() || ProgressContext.completing(current.progress()) ? current
                        : rebased(current, mine, now));
        // a record finished elsewhere (another replica) comes back terminal: forced reads then take the blocking path
        latest = stored.orElse(null);
        dirty = false;
        persistedAt = now;
        return stored;
    }

    /**
     * {@code mine} over the stored record: as it is while it is newer, else (another replica wrote
     * meanwhile) its progress on top of the stored one, so the stored version only grows.
     */
    private static OperationInfo rebased(OperationInfo stored, OperationInfo mine, Instant now) {
        if (mine.version() > stored.version() && mine.metricsCount() >= stored.metricsCount()) {
            return mine;
        }
        if (mine.progress().equals(stored.progress()) && mine.metricsCount() <= stored.metricsCount()) {
            return stored;
        }
        return stored.withProgress(mine.progress(), Math.max(mine.metricsCount(), stored.metricsCount()), now);
    }
}

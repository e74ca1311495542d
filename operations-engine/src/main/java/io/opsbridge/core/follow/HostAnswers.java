package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostNotFoundException;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMapping;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one answer (or failed call) of a host does to the record of the operation it runs: the
 * progress, the metrics after the copied cursor ({@link HostMetricsCopy}), the result and outcome of
 * a finished operation, the host's reachability. {@link HostProgressSource} decides when to call the
 * host and holds the lock every method here runs under; {@link #latest} and {@link #quietSince} are
 * read without it.
 */
final class HostAnswers {

    private final String operationId;
    private final String hostOperationId;
    private final WriteBehindRecord record;
    private final Clock clock;
    private final HostMetricsCopy metrics;
    private final HostContact contact;
    private final AtomicReference<HostOutcome> outcome = new AtomicReference<>();
    /** Set by a cancel: from then on the lifecycle, not a pull, ends the record. */
    private volatile boolean cancelling;
    /** The host's version of the operation at the last answer, for the host's long-poll. */
    private volatile long hostVersion;

    HostAnswers(RemoteMapping mapping, RemoteMappingStore mappings, OperationStore store, Clock clock,
            Settings settings) {
        this.operationId = mapping.operationId();
        this.hostOperationId = mapping.hostOperationId();
        this.record = new WriteBehindRecord(operationId, store, settings);
        this.clock = clock;
        this.metrics = new HostMetricsCopy(operationId, mapping.hostMetricsCursor(),
                store.metricsEnd(operationId).position(), mappings);
        this.contact = new HostContact(mapping, mappings);
    }

    /** The record as last seen here; null before the first answer. Never blocks. */
    OperationInfo latest() {
        return record.latest();
    }

    /** Stores what waits in memory (before a status change). */
    Optional<OperationInfo> flush() {
        return record.save(true, clock.instant());
    }

    /** The first failed call after the host's last answer; null while it answers. */
    Instant quietSince() {
        return contact.since();
    }

    long hostVersion() {
        return hostVersion;
    }

    /** Where the next metrics page starts on the host; read without the lock, by a fetch. */
    int metricsCursor() {
        return metrics.cursor();
    }

    void cancelling() {
        cancelling = true;
    }

    boolean hasOutcome() {
        return outcome.get() != null;
    }

    Optional<HostOutcome> takeOutcome() {
        return Optional.ofNullable(outcome.getAndSet(null));
    }

    /**
     * The host's answer applied in memory, if that is all it needs; null sends it to the blocking
     * path (new metrics, a terminal status, reachability, a due save). Never blocks.
     */
    Optional<OperationInfo> inMemory(OperationInfo host) {
        OperationInfo current = record.latest();
        Instant now = clock.instant();
        if (current == null || current.status() != OperationStatus.RUNNING || cancelling || !contact.reachable()
                || host.status().isTerminal() || host.metricsCount() > metrics.cursor() || outcome.get() != null) {
            return null;
        }
        if (host.version() >= hostVersion) {
            hostVersion = host.version();
            record.follow(reachable(host, current), Math.max(metrics.stored(), current.metricsCount()), now);
        }
        return record.persistDue(now) ? null : Optional.of(record.latest());
    }

    /** A host that does not have the operation (404, 410) fails it (when taking terminals); any other failure marks it unreachable. */
    Optional<OperationInfo> failed(HostException e, boolean takeTerminal) {
        if (!(e instanceof HostNotFoundException notFound)) {
            return markUnreachable(e);
        }
        if (takeTerminal) {
            outcome.set(HostOutcome.lost(notFound.reason(hostOperationId)));
        }
        return record.save(true, clock.instant());
    }

    /** Applies one answer of the host: metrics after the cursor, the result of a completion, the progress. */
    Optional<OperationInfo> answered(HostAnswer answer, boolean takeTerminal) {
        OperationInfo host = answer.host();
        Instant now = clock.instant();
        Optional<OperationInfo> known = record.load(now);
        if (known.isEmpty() || known.get().status() != OperationStatus.RUNNING || host.version() < hostVersion) {
            // gone, not running here, or an answer overtaken by a newer one (two forced reads at once)
            return known;
        }
        Map<String, Object> result = answer.result();
        hostVersion = host.version();
        boolean regained = contact.answered(now);
        int copied = metrics.cursor();
        int metricsCount = answer.metrics() == null ? copied
                : metrics.store(answer.metricsFrom(), answer.metrics(), ProgressContext.startedOver(host.progress()));
        record.follow(reachable(host, known.get()), Math.max(metrics.stored(), known.get().metricsCount()), now);
        OperationStatus hostStatus = host.status();
        // progress alone may wait; what a reader elsewhere or the lifecycle needs is stored now
        Optional<OperationInfo> updated = record.save(regained || metricsCount != copied || hostStatus.isTerminal(), now);
        if (takeTerminal && hostStatus.isTerminal() && !(cancelling && hostStatus == OperationStatus.CANCELLED)
                && updated.map(r -> r.status().canMoveTo(hostStatus)).orElse(false)) {
            outcome.set(HostOutcome.of(host, result));
        }
        return updated;
    }

    /** A failed call: the host is marked unreachable (and stalled once quiet long enough), stored at once. */
    Optional<OperationInfo> markUnreachable(HostException e) {
        Instant now = clock.instant();
        Instant since = contact.failed(now);
        Optional<OperationInfo> known = record.load(now);
        if (known.isEmpty()) {
            return known;
        }
        Map<String, Object> marks = new HashMap<>(Map.of(ProgressContext.HOST_REACHABLE, false,
                ProgressContext.LAST_HOST_ERROR, e.getMessage(), ProgressContext.UNREACHABLE_SINCE, since.toString()));
        marks.putAll(record.stallMarks(since, now));
        record.mark(marks, now);
        return record.save(true, now);
    }

    /**
     * The host's progress, marked as reached (its earlier unreachability marks dropped), keeping what
     * the record says of its resume (the host knows only its own attempt).
     */
    private static OperationProgress reachable(OperationInfo host, OperationInfo known) {
        Map<String, Object> marks = new HashMap<>(Map.of(ProgressContext.HOST_REACHABLE, true));
        Object resumed = known.progress() == null || known.progress().context() == null ? null
                : known.progress().context().get(ProgressContext.RESUMED);
        if (resumed != null) {
            marks.put(ProgressContext.RESUMED, resumed);
        }
        return ProgressContext.with(host.progress(), marks, ProgressContext.LAST_HOST_ERROR,
                ProgressContext.UNREACHABLE_SINCE);
    }
}

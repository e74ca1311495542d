package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resumes work whose worker host was lost (quiet past its fail-after, found on a read) on another
 * reachable host, as the next attempt of the same operation, which stays {@code running}: exactly one
 * replica claims it ({@link OperationResumes#claim}, on the attempt), places it through the type's
 * {@link HostResumableWork}, then moves the remote mapping (host cursor from 0; the metrics continue
 * after the stored ones, an epoch stored already is dropped) and the record's metadata to the new host.
 * A replica that still follows the lost host switches to the new one when it sees the record moved.
 * Nothing is claimed while no host is ready to take it; a cancel between the claim and the placement
 * wins (the run placed is withdrawn). An operator's resume of a failed host training goes the same way.
 */
public final class LostHosts {

    private static final Logger LOG = Logger.getLogger(LostHosts.class);
    /** Said once: each read finds the operation so until its fail-after. */
    private final WarnOnce warnings = new WarnOnce(LOG::warn);

    private final OperationResumes resumes;
    private final Transitions transitions;
    private final RemoteMappingStore mappings;
    private final Map<OperationType, HostResumableWork> byType = new HashMap<>();

    public LostHosts(OperationResumes resumes, OperationLifecycle lifecycle, RemoteMappingStore mappings,
            List<HostResumableWork> works) {
        this.resumes = resumes;
        this.transitions = lifecycle.transitions();
        this.mappings = mappings;
        works.forEach(work -> byType.put(work.type(), work));
    }

    /**
     * The operation {@code source} found lost, resumed on another host (or being resumed by another
     * replica, or already moved there); empty if it is not to be resumed (resume off, no attempts
     * left, not a host's work, no other host took it): the caller fails it as lost.
     */
    public Optional<OperationInfo> resume(OperationInfo seen, ProgressSource source) {
        String lostHostOperation = source.hostOperationId();
        HostResumableWork placer = byType.get(seen.operationType());
        ResumableWork work = resumes.work(seen.operationType());
        if (lostHostOperation == null || seen.metadata().onKubernetes() || placer == null || work == null || !work.resumeAtStartup()) {
            return Optional.empty();
        }
        OperationInfo current = transitions.find(seen.operationId());
        if (current.status() != OperationStatus.RUNNING) {
            return Optional.empty();
        }
        if (!lostHostOperation.equals(current.metadata().hostOperationId())) {
            LOG.infof("operation %s moved to %s: followed there", current.operationId(),
                    current.metadata().hostServiceUrl());
            return Optional.of(follow(current));
        }
        OperationAttempt attempt = current.attempts().current();
        Instant lostSince = source.quietSince();
        if (attempt != null && lostSince != null && attempt.startedAt().isAfter(lostSince)) {
            return Optional.of(current); // another replica claimed it after the loss and is placing it
        }
        if (current.attempts().count() >= work.maxAttempts()) {
            warnings.warn("operation %s: host lost, not resumed: it has had %d attempts (max-attempts %d)",
                    current.operationId(), current.attempts().count(), work.maxAttempts());
            return Optional.empty();
        }
        String lostUrl = current.metadata().hostServiceUrl();
        if (!placer.anyHostReady()) {
            warnings.warn("operation %s: host %s lost, not resumed: no %s host is ready to take it",
                    current.operationId(), lostUrl, current.operationType().wireName());
            return Optional.empty();
        }
        int from = work.checkpointEpoch(current).orElseGet(() -> lastStoredEpoch(current));
        OperationInfo resumed;
        try {
            resumed = resumes.claim(current, null, from, "host " + lostUrl + " lost", OperationStatus.RUNNING);
        } catch (IllegalTransitionException e) {
            LOG.infof("operation %s not resumed here: %s", current.operationId(), e.getMessage());
            return Optional.of(transitions.find(current.operationId()));
        }
        try {
            return Optional.of(placed(placer, resumed, "host " + lostUrl + " lost"));
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: host %s lost and no other host took attempt %d: %s", current.operationId(),
                    lostUrl, resumed.attempts().count(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Resumes a failed host training on a ready host, as its next attempt from epoch {@code from}:
     * the operator's resume ({@link OperationResumes#resume}) of work that ran on a host.
     *
     * @throws IllegalTransitionException (409) if no host is ready to take it, or another resume won
     */
    OperationInfo resumeFailed(OperationInfo current, int from) {
        HostResumableWork placer = byType.get(current.operationType());
        if (placer == null) {
            throw new IllegalTransitionException(current.operationId(), "ran on a worker host, and "
                    + current.operationType().wireName() + " work does not resume on hosts: start it again");
        }
        if (!placer.anyHostReady()) {
            throw new IllegalTransitionException(current.operationId(), "ran on a worker host, and no "
                    + current.operationType().wireName() + " host is ready to take it now: try again when one answers");
        }
        String why = "failed: " + current.errorMessage();
        OperationInfo resumed = resumes.claim(current, null, from, why, OperationStatus.FAILED);
        try {
            return placed(placer, resumed, why);
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: no host took attempt %d: %s", current.operationId(), resumed.attempts().count(),
                    e.getMessage());
            return resumes.notStarted(resumed, "no host took it: " + e.getMessage());
        }
    }

    /**
     * Places the claimed attempt {@code resumed} on a host and moves it there (the remote mapping, then
     * the record's metadata, in one conditional update), unless it ended meanwhile: a cancel between the
     * claim and the placement wins, and the run just placed is withdrawn (it registers nothing).
     */
    private OperationInfo placed(HostResumableWork placer, OperationInfo resumed, String previousEnded) {
        String id = resumed.operationId();
        HostPlacement placed = placer.place(resumed);
        mappings.moved(id, placed.hostUrl(), placed.hostOperationId(), transitions.clock.instant());
        OperationInfo moved = transitions.changed(id, op -> op.status() == OperationStatus.RUNNING
                && op.attempts().count() == resumed.attempts().count() ? movedTo(op, placed) : op);
        if (moved.status() != OperationStatus.RUNNING
                || !placed.hostOperationId().equals(moved.metadata().hostOperationId())) {
            LOG.infof("operation %s is %s: attempt %d, just placed on %s as %s, is withdrawn", id,
                    moved.status().wireName(), resumed.attempts().count(), placed.hostUrl(), placed.hostOperationId());
            placer.withdraw(id, placed);
            return moved;
        }
        LOG.infof("operation %s: %s, resumed from epoch %d on %s as %s (attempt %d)", id, previousEnded,
                moved.attempts().current().fromEpoch(), placed.hostUrl(), placed.hostOperationId(),
                moved.attempts().count());
        return follow(moved);
    }

    /** {@code info} followed from where its record says it runs now, instead of the lost host. */
    private OperationInfo follow(OperationInfo info) {
        transitions.sources.remove(info.operationId());
        transitions.sources.follow(info);
        transitions.cache.invalidate(info.operationId());
        return info;
    }

    /** The record running on the new host: its metadata and its current attempt say where. */
    private static OperationInfo movedTo(OperationInfo op, HostPlacement placed) {
        OperationMetadata there = op.metadata().on(placed.hostUrl(), placed.hostOperationId(), placed.sessionId());
        List<OperationAttempt> items = new ArrayList<>(op.attempts().items());
        OperationAttempt last = items.remove(items.size() - 1);
        items.add(new OperationAttempt(last.attempt(), last.startedAt(), last.place(), placed.hostUrl(),
                last.fromEpoch(), last.previousEnded()));
        return new OperationInfo(op.operationId(), op.operationType(), op.status(), op.createdAt(), op.startedAt(),
                op.updatedAt(), op.completedAt(), op.progress(), there, op.resultSummary(), op.errorMessage(),
                op.metricsCount(), op.version() + 1, new OperationAttempts(items.size(), items));
    }

    private int lastStoredEpoch(OperationInfo current) {
        Integer last = transitions.store.metricsEnd(current.operationId()).lastEpoch();
        return last == null ? 0 : last;
    }
}

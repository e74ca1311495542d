package io.opsbridge.backend.kubernetes;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.IllegalTransitionException;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.workloads.training.TerminalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One training's Job as a read sees it: which pod to follow (the newest that has not ended, once its
 * training host answers), or why there is none to follow yet (a waiting pod's reason, a disruption
 * awaiting its replacement), or how the training ended without anyone watching (its terminal record,
 * the bad-input exit code, the Job failed or gone). A replacement pod the Job started is recorded as the
 * next attempt of the operation, mapped anew; its training resumes from the checkpoint by itself.
 */
final class JobPods {

    private static final Logger LOG = Logger.getLogger(JobPods.class);

    /** What one look found: a pod to follow, or the record as it is now and, maybe, how it ended. */
    record Found(ProgressSource pod, Optional<OperationInfo> record, Optional<HostOutcome> outcome) {

        static Found record(Optional<OperationInfo> record) {
            return new Found(null, record, Optional.empty());
        }
    }

    private final String operationId;
    /** Where the Job was created, as recorded with the operation: a namespace setting changed later does not move it. */
    private final String namespace;
    private final String jobName;
    private final KubernetesSources kind;

    JobPods(String operationId, String namespace, String jobName, KubernetesSources kind) {
        this.operationId = operationId;
        this.namespace = namespace;
        this.jobName = jobName;
        this.kind = kind;
    }

    String jobName() {
        return jobName;
    }

    /** Reads the Job and its pods now (blocking). @throws HostException if the Kubernetes API does not answer */
    Found find() {
        Optional<OperationInfo> stored = kind.store().find(operationId);
        if (stored.isEmpty() || stored.get().status() != OperationStatus.RUNNING) {
            return Found.record(stored);
        }
        OperationInfo record = stored.get();
        JobView view = kind.jobs().read(namespace, jobName);
        Optional<PodView> live = view.live();
        if (live.isPresent() && live.get().answers()) {
            Optional<String> hostOperation = kind.hostOperationOn(live.get().url());
            if (hostOperation.isPresent()) {
                return new Found(follow(record, view, live.get(), hostOperation.get()), stored, Optional.empty());
            }
            return waiting(record, "Running", "pod " + live.get().name() + " is running, its training host is starting");
        }
        if (live.isPresent()) {
            return waiting(record, live.get().phase(), live.get().waiting());
        }
        Optional<TerminalRecord> terminal = kind.terminals().read(operationId).filter(t -> ofThisAttempt(record, t));
        if (terminal.isPresent() && terminal.get().operation().status().isTerminal()) {
            return new Found(null, stored, Optional.of(kind.records().ended(operationId, terminal.get())));
        }
        return ended(record, view);
    }

    /** {@link #find}, empty if the Kubernetes API does not answer (a cancel goes on). */
    Optional<Found> findQuietly() {
        try {
            return Optional.of(find());
        } catch (HostException e) {
            LOG.warnf("operation %s: Job %s not read (%s)", operationId, jobName, e.getMessage());
            return Optional.empty();
        }
    }

    /** The record marked: the Kubernetes API has not answered since {@code since}. */
    Optional<OperationInfo> unreachable(HostException e, java.time.Instant since) {
        return kind.records().unreachable(operationId, e.getMessage(), since);
    }

    /** Deletes the Job (its pods go in the background); logged if the API does not answer. */
    void delete() {
        try {
            kind.jobs().delete(namespace, jobName);
            LOG.infof("operation %s: Job %s deleted", operationId, jobName);
        } catch (HostException e) {
            LOG.warnf("operation %s: Job %s not deleted (%s)", operationId, jobName, e.getMessage());
        }
    }

    /** No pod runs and no terminal record: the Job failed, is gone, or waits for its next pod. */
    private Found ended(OperationInfo record, JobView view) {
        Optional<PodView> last = view.lastEnded();
        Integer exit = last.map(PodView::exitCode).orElse(null);
        if (exit != null && exit == TrainingJobSpec.BAD_INPUT_EXIT && !last.get().disrupted()) {
            return failed(record, "bad input: the training host of Job " + jobName + " exited with code "
                    + TrainingJobSpec.BAD_INPUT_EXIT + (last.get().ended() == null ? "" : " (" + last.get().ended() + ")"),
                    true);
        }
        if (view.failed() != null) {
            return failed(record, "Job " + jobName + " failed: " + view.failed(), false);
        }
        if (!view.exists()) {
            return failed(record, "Job " + jobName + " and its pods are gone, and its training left no terminal record",
                    false);
        }
        if (last.isEmpty()) {
            return waiting(record, "Pending", "Job " + jobName + " created, waiting for its pod");
        }
        String how = last.get().disrupted() ? "was disrupted" : "ended (" + last.get().phase() + ")";
        return waiting(record, last.get().phase(), "pod " + last.get().name() + " " + how
                + (last.get().ended() == null ? "" : ": " + last.get().ended()) + "; waiting for the Job's next pod");
    }

    private Found waiting(OperationInfo record, String phase, String reason) {
        return Found.record(kind.records().waiting(record, phase, reason));
    }

    /** {@code repeats}: a new attempt would fail alike (bad input), so it is never resumed. */
    private Found failed(OperationInfo record, String error, boolean repeats) {
        LOG.infof("operation %s: %s", operationId, error);
        return new Found(null, Optional.of(record), Optional.of(new HostOutcome(OperationStatus.FAILED, null, null, error,
                repeats)));
    }

    /**
     * The source of the pod's training host; a pod other than the one mapped (a replacement the Job
     * started after a disruption) is first recorded as the next attempt.
     */
    private ProgressSource follow(OperationInfo record, JobView view, PodView pod, String hostOperationId) {
        var mapped = kind.mappings().find(operationId);
        var attempt = record.attempts() == null ? null : record.attempts().current();
        if (attempt != null && (KubernetesResumes.JOB_PREFIX + jobName).equals(attempt.runsOn())) {
            // the first pod of a Job the backend created for this attempt (a resume): the attempt moves there
            if (mapped.isPresent()) {
                kind.mappings().moved(operationId, pod.url(), hostOperationId, kind.clock().instant());
            }
            kind.store().update(operationId, op -> runsOn(op, "pod " + pod.name()));
        } else if (mapped.isPresent() && !hostOperationId.equals(mapped.get().hostOperationId())) {
            String previous = view.pods().stream().filter(p -> !p.name().equals(pod.name())).findFirst()
                    .map(p -> "pod " + p.name() + (p.ended() == null ? " ended" : " ended: " + p.ended()))
                    .orElse("pod " + mapped.get().hostServiceUrl() + " stopped answering");
            int from = kind.fromEpoch(record);
            try {
                OperationInfo next = kind.resumes().nextAttemptInPlace(record, from, previous,
                        op -> runsOn(op, "pod " + pod.name()));
                kind.trainings().storeCheckpointedEpochs(next); // trained by the old pod after the last read
                kind.mappings().moved(operationId, pod.url(), hostOperationId, kind.clock().instant());
                LOG.infof("operation %s: Job %s started pod %s after %s: attempt %d from epoch %d", operationId,
                        jobName, pod.name(), previous, record.attempts().count() + 1, from);
            } catch (IllegalTransitionException e) {
                LOG.infof("operation %s: pod %s recorded by another replica (%s)", operationId, pod.name(),
                        e.getMessage());
            }
        }
        return kind.hosts().source(operationId, pod.url(), hostOperationId);
    }

    /** Whether {@code terminal} was written by the current attempt's Job, not by an earlier one (a resumed training's). */
    private static boolean ofThisAttempt(OperationInfo record, TerminalRecord terminal) {
        var attempt = record.attempts() == null ? null : record.attempts().current();
        java.time.Instant since = attempt != null ? attempt.startedAt() : record.startedAt();
        return since == null || terminal.writtenAt() == null || !terminal.writtenAt().isBefore(since);
    }

    /** The record with its current attempt running on {@code where}. */
    static OperationInfo runsOn(OperationInfo op, String where) {
        List<OperationAttempt> items = new ArrayList<>(op.attempts().items());
        if (items.isEmpty()) {
            return op;
        }
        OperationAttempt last = items.remove(items.size() - 1);
        items.add(new OperationAttempt(last.attempt(), last.startedAt(), last.place(), where, last.fromEpoch(),
                last.previousEnded()));
        return op.withAttempts(new OperationAttempts(items.size(), items));
    }
}

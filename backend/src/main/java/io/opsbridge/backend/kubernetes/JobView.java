package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A training's Job and its pods as the API server has them at one read.
 *
 * @param exists whether the Job is still there (a finished one is removed after ttlSecondsAfterFinished)
 * @param failed why the cluster failed the Job ({@code BackoffLimitExceeded: …}, {@code DeadlineExceeded: …},
 *               {@code PodFailurePolicy: …}); null unless it failed
 * @param pods   its pods, newest first
 */
record JobView(String jobName, boolean exists, String failed, List<PodView> pods) {

    static JobView of(String jobName, Job job, List<PodView> pods) {
        String failed = job == null || job.getStatus() == null || job.getStatus().getConditions() == null ? null
                : job.getStatus().getConditions().stream()
                        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
                        .map(JobView::words).findFirst().orElse(null);
        return new JobView(jobName, job != null, failed,
                pods.stream().sorted(Comparator.comparing(PodView::created).reversed()).toList());
    }

    /** The newest pod that has not ended: the one the training runs in now, or will. */
    Optional<PodView> live() {
        return pods.stream().filter(p -> !p.terminal()).findFirst();
    }

    /** The newest pod that ended. */
    Optional<PodView> lastEnded() {
        return pods.stream().filter(PodView::terminal).findFirst();
    }

    private static String words(JobCondition c) {
        String reason = c.getReason() == null ? "Failed" : c.getReason();
        return c.getMessage() == null ? reason : reason + ": " + c.getMessage();
    }
}

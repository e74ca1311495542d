package io.opsbridge.core.follow;

import io.opsbridge.api.OperationProgress;
import java.util.HashMap;
import java.util.Map;

/** The {@code progress.context} keys the platform itself adds to an operation, and how they are added. */
public final class ProgressContext {

    /** No progress for the type's stall-after. */
    public static final String STALLED = "stalled";
    public static final String LAST_PROGRESS_AT = "last_progress_at";
    /** A host operation's host answered the last pull, or not. */
    public static final String HOST_REACHABLE = "host_reachable";
    public static final String LAST_HOST_ERROR = "last_host_error";
    public static final String UNREACHABLE_SINCE = "unreachable_since";

    /**
     * The replica that owns a local operation does not answer and its liveness stamp is older than
     * the stall-after (or it is stopping): why, naming the replica. Set by the replica that found it.
     */
    public static final String OWNER_LOST = "owner_lost";
    /**
     * A completion was claimed (the worker or host finished; its hooks, e.g. the model registration,
     * run now): from here a cancel is refused and no progress write moves the record.
     */
    public static final String COMPLETING = "completing";

    /** The operation runs a resumed attempt: e.g. {@code resumed from epoch 12 (attempt 2)}. */
    public static final String RESUMED = "resumed";
    /**
     * Said by a training that runs again from epoch 1 although it was resumed (its checkpoint no longer
     * fits the data): the metrics stored by the earlier attempts are replaced by its own, once.
     */
    public static final String STARTED_OVER = "started_over";
    /**
     * On a failed operation: it failed for a reason a new attempt would meet again (invalid data, a
     * diverged loss: {@link io.opsbridge.core.DeterministicFailure}), so it is never resumed.
     */
    public static final String FAILURE_REPEATS = "failure_repeats";

    private ProgressContext() {
    }

    /** Whether the attempt whose progress this is trains again from epoch 1 ({@link #STARTED_OVER}). */
    public static boolean startedOver(OperationProgress p) {
        return p != null && p.context() != null && Boolean.TRUE.equals(p.context().get(STARTED_OVER));
    }

    /** Whether the failed operation whose progress this is failed for a reason a new attempt meets again. */
    public static boolean failureRepeats(OperationProgress p) {
        return p != null && p.context() != null && Boolean.TRUE.equals(p.context().get(FAILURE_REPEATS));
    }

    /** {@code p} marked {@link #FAILURE_REPEATS}: the one way a failure that repeats is recorded, local or on a host. */
    public static OperationProgress repeating(OperationProgress p) {
        return with(p, Map.of(FAILURE_REPEATS, true));
    }

    /** Whether a completion of the operation whose progress this is has been claimed. */
    public static boolean completing(OperationProgress p) {
        return p.context() != null && Boolean.TRUE.equals(p.context().get(COMPLETING));
    }

    /** {@code p} with the completion claim added ({@code claimed}) or removed. */
    public static OperationProgress claimed(OperationProgress p, boolean claimed) {
        return claimed ? with(p, Map.of(COMPLETING, true)) : with(p, Map.of(), COMPLETING);
    }

    /** {@code progress} with {@code extra} in its context, and the {@code drop} keys removed. */
    public static OperationProgress with(OperationProgress p, Map<String, Object> extra, String... drop) {
        Map<String, Object> context = new HashMap<>(p.context() == null ? Map.of() : p.context());
        for (String key : drop) {
            context.remove(key);
        }
        context.putAll(extra);
        return new OperationProgress(p.percentage(), p.message(), p.currentStep(), p.stepsCompleted(), p.stepsTotal(),
                p.itemsProcessed(), p.itemsTotal(), p.currentItem(), Map.copyOf(context));
    }
}

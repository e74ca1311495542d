package io.opsbridge.core.settings;

import io.opsbridge.api.OperationType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides, from how long a running operation has shown no progress, whether it is stalled or lost.
 * Pure: the service asks it when a client reads the operation; nothing runs on a timer.
 *
 * <pre>{@code
 * StallPolicy.of(Map.of(OperationType.TRAINING, new StallPolicy.Limits(Duration.ofMinutes(10), Duration.ofHours(1))))
 * }</pre>
 */
public final class StallPolicy {

    /** Thresholds of one operation type; a zero or negative duration disables that step. */
    public record Limits(Duration stallAfter, Duration failAfter) {
    }

    /** Never stalls, never fails. */
    public static final StallPolicy NEVER = new StallPolicy(Map.of());

    private final Map<OperationType, Limits> limits;

    private StallPolicy(Map<OperationType, Limits> limits) {
        this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
    }

    public static StallPolicy of(Map<OperationType, Limits> limits) {
        return new StallPolicy(limits);
    }

    public static StallPolicy from(StallConfig config) {
        return of(Map.of(
                OperationType.TRAINING, new Limits(config.training().stallAfter(), config.training().failAfter()),
                OperationType.DATA_LOADING, new Limits(config.dataLoading().stallAfter(), config.dataLoading().failAfter())));
    }

    /** Whether an operation of {@code type} quiet for {@code quiet} should be reported {@code stalled}. */
    public boolean isStalled(OperationType type, Duration quiet) {
        Limits l = limits.get(type);
        return l != null && exceeded(l.stallAfter(), quiet);
    }

    /** Whether it should be failed: quiet longer than {@code fail-after}. */
    public boolean isLost(OperationType type, Duration quiet) {
        Limits l = limits.get(type);
        return l != null && exceeded(l.failAfter(), quiet);
    }

    /** {@link #isLost(OperationType, Duration)} for a quiet time in milliseconds: allocates nothing (the cached read). */
    public boolean isLost(OperationType type, long quietMillis) {
        Limits l = limits.get(type);
        return l != null && enabled(l.failAfter()) && quietMillis >= l.failAfter().toMillis();
    }

    /** The fail-after of {@code type}, for the failure's reason. */
    public Duration failAfter(OperationType type) {
        Limits l = limits.get(type);
        return l == null ? Duration.ZERO : l.failAfter();
    }

    private static boolean exceeded(Duration limit, Duration quiet) {
        return enabled(limit) && quiet.compareTo(limit) >= 0;
    }

    private static boolean enabled(Duration limit) {
        return limit != null && !limit.isZero() && !limit.isNegative();
    }
}

package io.opsbridge.core.settings;

import io.opsbridge.api.OperationType;
import java.time.Duration;
import java.util.Map;

/**
 * Decides, from how long a running operation has shown no progress, whether it is stalled or lost.
 * Pure: the service asks it when a client reads the operation; nothing runs on a timer. A type
 * without limits of its own gets the fallback limits ({@code opsbridge.stall.default.*}).
 *
 * <pre>{@code
 * StallPolicy.of(Map.of(OperationType.TRAINING, new StallPolicy.Limits(Duration.ofMinutes(10), Duration.ofHours(1))))
 * }</pre>
 */
public final class StallPolicy {

    /** Thresholds of one operation type; a zero or negative duration disables that step. */
    public record Limits(Duration stallAfter, Duration failAfter) {

        /** Never stalled, never failed. */
        public static final Limits OFF = new Limits(Duration.ZERO, Duration.ZERO);
    }

    /** Never stalls, never fails. */
    public static final StallPolicy NEVER = new StallPolicy(Map.of(), Limits.OFF);

    private final Map<OperationType, Limits> limits;
    private final Limits fallback;

    private StallPolicy(Map<OperationType, Limits> limits, Limits fallback) {
        this.limits = Map.copyOf(limits);
        this.fallback = fallback;
    }

    /** These limits per type; any other type never stalls. */
    public static StallPolicy of(Map<OperationType, Limits> limits) {
        return new StallPolicy(limits, Limits.OFF);
    }

    public static StallPolicy from(StallConfig config) {
        return new StallPolicy(Map.of(
                OperationType.TRAINING, limits(config.training()),
                OperationType.DATA_LOADING, limits(config.dataLoading())), limits(config.fallback()));
    }

    /** Whether an operation of {@code type} quiet for {@code quiet} should be reported {@code stalled}. */
    public boolean isStalled(OperationType type, Duration quiet) {
        return exceeded(of(type).stallAfter(), quiet);
    }

    /** Whether it should be failed: quiet longer than {@code fail-after}. */
    public boolean isLost(OperationType type, Duration quiet) {
        return exceeded(of(type).failAfter(), quiet);
    }

    /** {@link #isLost(OperationType, Duration)} for a quiet time in milliseconds: allocates nothing (the cached read). */
    public boolean isLost(OperationType type, long quietMillis) {
        Duration failAfter = of(type).failAfter();
        return enabled(failAfter) && quietMillis >= failAfter.toMillis();
    }

    /** The fail-after of {@code type}, for the failure's reason. */
    public Duration failAfter(OperationType type) {
        return of(type).failAfter();
    }

    private Limits of(OperationType type) {
        return limits.getOrDefault(type, fallback);
    }

    private static Limits limits(StallConfig.Limits config) {
        return new Limits(config.stallAfter(), config.failAfter());
    }

    private static boolean exceeded(Duration limit, Duration quiet) {
        return enabled(limit) && quiet.compareTo(limit) >= 0;
    }

    private static boolean enabled(Duration limit) {
        return limit != null && !limit.isZero() && !limit.isNegative();
    }
}

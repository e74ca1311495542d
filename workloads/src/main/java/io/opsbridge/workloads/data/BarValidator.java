package io.opsbridge.workloads.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a bar must pass to enter a dataset, applied in file order to one symbol's rows:
 * timestamps strictly increasing (an equal one is a {@code duplicate_timestamp}, an earlier one
 * {@code not_increasing}), prices positive, {@code low <= open, close <= high}, volume not negative.
 * A rejected row is counted by reason and the first few are kept with their line; gaps (more than
 * one bar's time between two accepted bars) are counted, not rejected.
 */
final class BarValidator {

    static final String DUPLICATE_TIMESTAMP = "duplicate_timestamp";
    static final String NOT_INCREASING = "not_increasing";
    static final String NON_POSITIVE_PRICE = "non_positive_price";
    static final String HIGH_LOW_INCONSISTENT = "high_low_inconsistent";
    static final String NEGATIVE_VOLUME = "negative_volume";
    static final int EXAMPLES_KEPT = 10;

    private final long stepSeconds;
    private final DateRange range;
    private final Map<String, Long> rejectedByReason = new LinkedHashMap<>();
    private final List<Map<String, Object>> examples = new ArrayList<>();
    private Instant last;
    private Instant first;
    private long accepted;
    private long rejected;
    private long outsideRange;
    private long gaps;
    private long missingBars;

    BarValidator(Duration step, DateRange range) {
        this.stepSeconds = step.toSeconds();
        this.range = range;
    }

    /** Whether the row belongs in the dataset; a row outside the range is skipped without counting as an issue. */
    boolean accept(BarRow row) {
        if (!range.contains(row.timestamp)) {
            outsideRange++;
            return false;
        }
        String reason = check(row);
        if (reason != null) {
            reject(row, reason);
            return false;
        }
        if (last != null) {
            long delta = row.timestamp.getEpochSecond() - last.getEpochSecond();
            if (delta > stepSeconds) {
                gaps++;
                missingBars += Math.max(0, delta / stepSeconds - 1);
            }
        } else {
            first = row.timestamp;
        }
        last = row.timestamp;
        accepted++;
        return true;
    }

    private String check(BarRow row) {
        if (last != null) {
            int order = row.timestamp.compareTo(last);
            if (order == 0) {
                return DUPLICATE_TIMESTAMP;
            }
            if (order < 0) {
                return NOT_INCREASING;
            }
        }
        if (row.open <= 0 || row.high <= 0 || row.low <= 0 || row.close <= 0) {
            return NON_POSITIVE_PRICE;
        }
        if (row.low > row.high || row.open < row.low || row.open > row.high || row.close < row.low
                || row.close > row.high) {
            return HIGH_LOW_INCONSISTENT;
        }
        if (row.volume < 0) {
            return NEGATIVE_VOLUME;
        }
        return null;
    }

    private void reject(BarRow row, String reason) {
        rejected++;
        rejectedByReason.merge(reason, 1L, Long::sum);
        if (examples.size() < EXAMPLES_KEPT) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("line", row.line);
            example.put("reason", reason);
            example.put("timestamp", row.timestamp.toString());
            examples.add(Collections.unmodifiableMap(example));
        }
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    long outsideRange() {
        return outsideRange;
    }

    long gaps() {
        return gaps;
    }

    long missingBars() {
        return missingBars;
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }

    Map<String, Long> rejectedByReason() {
        return Map.copyOf(rejectedByReason);
    }

    List<Map<String, Object>> examples() {
        return List.copyOf(examples);
    }

    /** Rejected rows plus gaps: everything a user may want to look at. */
    long issuesFound() {
        return rejected + gaps;
    }
}

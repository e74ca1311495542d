package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of an operation's work, oldest first: the {@code attempts} block of {@link OperationInfo}.
 * An operation that never started has none; one that was never interrupted has one.
 *
 * <pre>{@code
 * "attempts": {"count": 2, "items": [{"attempt": 1, ...}, {"attempt": 2, "from_epoch": 12,
 *              "previous_ended": "interrupted: process restarted", ...}]}
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationAttempts(int count, List<OperationAttempt> items) {

    public static final OperationAttempts NONE = new OperationAttempts(0, List.of());

    public OperationAttempts {
        items = items == null ? List.of() : List.copyOf(items);
        count = items.size();
    }

    /** These attempts and {@code next} after them. */
    public OperationAttempts plus(OperationAttempt next) {
        List<OperationAttempt> all = new ArrayList<>(items);
        all.add(next);
        return new OperationAttempts(all.size(), all);
    }

    /** The newest attempt; null if there is none. */
    public OperationAttempt current() {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    /** What a resumed operation's {@code progress.context.resumed} says, e.g. {@code resumed from epoch 12 (attempt 2)}; null before a resume. */
    public String resumedNote() {
        OperationAttempt now = current();
        return count < 2 ? null : String.format(Locale.ROOT, "resumed from epoch %d (attempt %d)", now.fromEpoch(),
                now.attempt());
    }
}

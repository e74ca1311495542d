package io.opsbridge.server.metrics;

import io.opsbridge.api.OperationInfo;
import java.time.Duration;
import java.util.Optional;

/** Rows per second of a completed data load: its {@code rows_loaded} over start to completion. */
final class DataLoadRate {

    private DataLoadRate() {
    }

    static Optional<Double> of(OperationInfo info) {
        if (info.resultSummary() == null || info.startedAt() == null || info.completedAt() == null
                || !(info.resultSummary().get("rows_loaded") instanceof Number rows)) {
            return Optional.empty();
        }
        double seconds = Duration.between(info.startedAt(), info.completedAt()).toNanos() / 1e9;
        return seconds <= 0 ? Optional.empty() : Optional.of(rows.doubleValue() / seconds);
    }
}

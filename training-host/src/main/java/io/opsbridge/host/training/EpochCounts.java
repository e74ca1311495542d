package io.opsbridge.host.training;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationProgress;

/** A training's own fields of the deprecated {@code GET /training/status/{session_id}} answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EpochCounts(long currentEpoch, long totalEpochs) {

    static EpochCounts of(OperationProgress progress) {
        return new EpochCounts(progress.stepsCompleted(), progress.stepsTotal());
    }
}

package io.opsbridge.host.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.OperationProgress;

/** A data load's own fields of the deprecated {@code GET /data/status/{session_id}} answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SymbolCounts(String currentSymbol, long symbolsCompleted, long symbolsTotal, long rowsLoaded) {

    static SymbolCounts of(OperationProgress progress) {
        return new SymbolCounts(progress.currentItem(), progress.stepsCompleted(), progress.stepsTotal(),
                progress.itemsProcessed());
    }
}

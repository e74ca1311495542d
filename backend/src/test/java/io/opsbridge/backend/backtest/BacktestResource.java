package io.opsbridge.backend.backtest;

import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.operations.StartResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/backtests}: answers 202 with the new {@code backtest} operation at once; the
 * client follows it at {@code /api/v1/operations/{id}}, symbol by symbol, like any other operation.
 */
@Path("/api/v1/backtests")
@Tag(name = "backtests", description = "Replay a moving-average crossover over loaded datasets (the worked example)")
public class BacktestResource extends StartResource<BacktestRequest> {

    public BacktestResource(WorkRouter<BacktestRequest> backtests, IdempotencyKeys keys, OperationsService operations) {
        super(backtests, keys, operations);
    }
}

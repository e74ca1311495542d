package io.opsbridge.backend.backtest;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.run.OperationRunner;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands a recorded backtest to a worker of this process: a fresh {@link BacktestProgressBridge},
 * registered before the worker starts, and the {@link Backtester} as the job.
 */
@ApplicationScoped
public class BacktestJobs {

    private final Backtester backtester;
    private final OperationRunner runner;

    public BacktestJobs(Backtester backtester, OperationRunner runner) {
        this.backtester = backtester;
        this.runner = runner;
    }

    /**
     * Queues the backtest of a pending operation; returns at once.
     *
     * @throws io.opsbridge.core.CapacityExceededException if no worker can take it (the operation is then forgotten)
     */
    public OperationInfo submit(OperationInfo created, BacktestRequest valid) {
        return runner.submit(created, new BacktestProgressBridge(),
                bridge -> backtester.run(created.operationId(), valid, bridge).toSummary());
    }
}

package io.opsbridge.backend.backtest;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.LocalWork;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.hosts.WorkRouters;
import io.opsbridge.core.hosts.WorkType;
import io.opsbridge.workloads.data.DataLoader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * How the backend starts backtests: the type declared (so {@code ?operation_type=backtest} is accepted
 * and the metrics count it), a local backtest checked against this process's datasets and queued on
 * its workers, a host one started on a backtest host at {@code POST /backtest/start}.
 */
public class BacktestBeans {

    /** The declared type: wire name {@code backtest}, ids {@code op_backtest_...}. */
    @Produces
    static final OperationType BACKTEST = OperationType.of("backtest");

    static final WorkType WORK = new WorkType("backtest", BACKTEST, "/backtest/start", BacktestRoutingConfig.class);

    @Produces
    @Singleton
    Backtester backtester(DataLoader loader) {
        return new Backtester(loader.store());
    }

    @Produces
    @Singleton
    WorkRouter<BacktestRequest> backtests(WorkRouters routers, Backtester backtester, BacktestJobs jobs) {
        return routers.router(WORK, new LocalWork<>(backtester::validateParameters, backtester::validate,
                jobs::submit));
    }
}

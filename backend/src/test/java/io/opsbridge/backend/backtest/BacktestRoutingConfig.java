package io.opsbridge.backend.backtest;

import io.opsbridge.core.hosts.RoutingConfig;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/** Where the backend runs backtests ({@code opsbridge.backtest.routing.*}): in-process, or on a backtest host. */
@Unremovable // read from the settings snapshot, injected nowhere: keeps Quarkus from dropping the mapping
@ConfigMapping(prefix = "opsbridge.backtest.routing")
public interface BacktestRoutingConfig extends RoutingConfig {
}
